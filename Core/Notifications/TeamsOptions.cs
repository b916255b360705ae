namespace Integration.Core.Notifications;

/// <summary>
/// Teams notifications (section <c>Teams</c>). With <see cref="WorkflowWebhookUrl"/> unset there is
/// no channel digest: events are kept as pending and the step is reported as skipped.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The prefix App Service leaves on a Key Vault reference it could not resolve.</summary>
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>
    /// The Teams Workflows webhook ("When a Teams webhook request is received") that posts the
    /// channel digest. Its query carries the flow's signature, so it is a secret: a Key Vault
    /// reference in Azure, never logged.
    /// </summary>
    public string? WorkflowWebhookUrl { get; set; }

    /// <summary>Personal notifications through the Graph activity feed (section <c>Teams:ActivityFeed</c>).</summary>
    public ActivityFeedOptions ActivityFeed { get; set; } = new();

    /// <summary>The network coordinator, who gets items overdue past <see cref="EscalationDays"/> too.</summary>
    public string? CoordinatorEmail { get; set; }

    /// <summary>Days overdue after which an item is escalated to the coordinator.</summary>
    public int EscalationDays { get; set; } = 14;

    /// <summary>
    /// The day of the week (English name, <c>Monday</c> by default) on which the digest repeats the data
    /// problems open for more than a week, grouped per list.
    /// </summary>
    public string ProblemReminderDay { get; set; } = nameof(DayOfWeek.Monday);

    /// <summary><see cref="ProblemReminderDay"/> as a day; Monday when it does not name one (start-up refuses that).</summary>
    public DayOfWeek ReminderDay => Enum.TryParse<DayOfWeek>(ProblemReminderDay, ignoreCase: true, out var day) && Enum.IsDefined(day) ? day : DayOfWeek.Monday;

    /// <summary>
    /// App Service puts the reference itself in the setting when it cannot read the secret (not
    /// created yet, or no access): that is "not configured", said so, not a bad URL.
    /// </summary>
    public bool IsUnresolvedKeyVaultReference =>
        WorkflowWebhookUrl?.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase) == true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(WorkflowWebhookUrl) && !IsUnresolvedKeyVaultReference;

    /// <summary>Why the channel digest is not sent, for the run's summary; null when it is configured.</summary>
    public string? NotConfiguredReason =>
        IsUnresolvedKeyVaultReference ? "not configured (Teams__WorkflowWebhookUrl is a Key Vault reference that did not resolve: is the secret set, and may the app read it?)"
        : string.IsNullOrWhiteSpace(WorkflowWebhookUrl) ? "not configured (Teams__WorkflowWebhookUrl is not set)"
        : null;
}

/// <summary>Personal notifications in the Teams activity feed.</summary>
public sealed class ActivityFeedOptions
{
    /// <summary>Needs the <c>TeamsActivity.Send</c> application permission and the app installed for each person.</summary>
    public bool Enabled { get; set; }
}
