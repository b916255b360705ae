using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// Checks the Teams settings at start-up. Messages name the key but never quote the webhook URL
/// (its query is the flow's signature) or the coordinator's address.
/// </summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        if (options.IsConfigured)
        {
            if (!Uri.TryCreate(options.WorkflowWebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add("Teams__WorkflowWebhookUrl must be the absolute https URL of the flow's webhook trigger (its value is not shown: it is a secret).");
            }
            else if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            {
                // The URL's signature is the only credential: it must not travel in clear.
                failures.Add("Teams__WorkflowWebhookUrl must use https; http is allowed only for a loopback stand-in.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.CoordinatorEmail) && !LooksLikeEmail(options.CoordinatorEmail))
        {
            failures.Add("Teams__CoordinatorEmail must be an email address (the coordinator's user principal name).");
        }

        if (!Enum.TryParse<DayOfWeek>(options.ProblemReminderDay, ignoreCase: true, out var day) || !Enum.IsDefined(day) || int.TryParse(options.ProblemReminderDay, out _))
        {
            failures.Add($"Teams__ProblemReminderDay must name a day of the week in English (Monday … Sunday); got '{options.ProblemReminderDay}'.");
        }

        if (options.EscalationDays < 1)
        {
            failures.Add($"Teams__EscalationDays must be 1 or more; got {options.EscalationDays}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace);
    }
}
