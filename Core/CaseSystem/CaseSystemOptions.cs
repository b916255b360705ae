using Microsoft.Extensions.Options;

namespace Integration.Core.CaseSystem;

/// <summary>
/// The case system (section <c>CaseSystem</c>). With <see cref="BaseUrl"/> unset there is no case
/// system: meeting notes are archived and their registration is reported as not configured.
/// </summary>
public sealed class CaseSystemOptions
{
    public const string Section = "CaseSystem";

    /// <summary>SIF's base URL, scheme and host without a path, e.g. <c>https://p360.example.se/</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>SIF's authkey: a secret, a Key Vault reference in Azure, never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The network's case, on which each meeting-note version is registered, e.g. <c>AMN 2021-0112-1.4</c>.</summary>
    public string? NetworkCaseNumber { get; set; }

    /// <summary>The document's additional field that carries our idempotency marker.</summary>
    public string MarkerField { get; set; } = "ExternalReference";

    /// <summary>Document category of a registered meeting note, as a code, a description or <c>recno:N</c>.</summary>
    public string? DocumentCategory { get; set; } = "N";

    /// <summary>Document status of a registered meeting note (<c>J</c>: journalförd).</summary>
    public string? DocumentStatus { get; set; } = "J";

    /// <summary>Access code of a registered meeting note (<c>O</c>: offentlig). Meeting notes of the network are public records.</summary>
    public string? AccessCode { get; set; } = "O";

    /// <summary>How budget assignments are found and read (section <c>CaseSystem:BudgetAssignments</c>).</summary>
    public BudgetAssignmentOptions BudgetAssignments { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}

/// <summary>
/// Budget assignments (budgetuppdrag) in the case system: the case type that marks them, and the
/// custom fields that carry their budget year, deadline and partners.
/// </summary>
public sealed class BudgetAssignmentOptions
{
    /// <summary>The case type of a budget assignment, as a code, a description or <c>recno:N</c>.</summary>
    public string CaseType { get; set; } = "UPPDRAG";

    /// <summary>Custom field holding the budget year, e.g. <c>2021</c>.</summary>
    public string BudgetYearField { get; set; } = "Budgetår";

    /// <summary>Custom field holding the deadline, an ISO 8601 date; may be empty.</summary>
    public string DeadlineField { get; set; } = "Slutdatum";

    /// <summary>Custom field holding the partners (samverkansparter), separated by <c>;</c>.</summary>
    public string PartnersField { get; set; } = "Samverkansparter";

    /// <summary>Cases asked for per <c>GetCases</c> page (<c>MaxReturnedCases</c>).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// The most <c>GetCases</c> pages one night reads (<c>CaseSystem__BudgetAssignments__MaxPages</c>): a case
    /// system whose <c>TotalPageCount</c> never ends stops the night here. Generous: 1,000 pages of 100 is 100,000 cases.
    /// </summary>
    public int MaxPages { get; set; } = DefaultMaxPages;

    public const int DefaultMaxPages = 1_000;
}

internal sealed class CaseSystemOptionsValidator : IValidateOptions<CaseSystemOptions>
{
    public ValidateOptionsResult Validate(string? name, CaseSystemOptions options)
    {
        if (!options.IsConfigured) return ValidateOptionsResult.Success;

        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"CaseSystem__BaseUrl must be an absolute http(s) URL; got '{options.BaseUrl}'.");
        }
        else if (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback)
        {
            // The key travels in a header: only a loopback stand-in may be reached without TLS.
            failures.Add("CaseSystem__BaseUrl must use https, since the API key travels with every call; http is allowed only for a loopback stand-in.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey)) failures.Add("CaseSystem__ApiKey is required when CaseSystem__BaseUrl is set.");
        if (string.IsNullOrWhiteSpace(options.NetworkCaseNumber))
        {
            failures.Add("CaseSystem__NetworkCaseNumber is required when CaseSystem__BaseUrl is set: the network's case, such as AMN 2021-0112-1.4.");
        }
        else if (!DiaryNumber.TryParse(options.NetworkCaseNumber, out _, out var error)
            && !DiaryNumber.TryParse(options.NetworkCaseNumber, DiaryNumberFormat.Slashed, out _, out _))
        {
            failures.Add($"CaseSystem__NetworkCaseNumber: {error}");
        }

        if (string.IsNullOrWhiteSpace(options.MarkerField)) failures.Add("CaseSystem__MarkerField must name a document field; the default is ExternalReference.");
        var assignments = options.BudgetAssignments;
        if (string.IsNullOrWhiteSpace(assignments.CaseType)) failures.Add("CaseSystem__BudgetAssignments__CaseType must name the case type of budget assignments; the default is UPPDRAG.");
        if (string.IsNullOrWhiteSpace(assignments.BudgetYearField)) failures.Add("CaseSystem__BudgetAssignments__BudgetYearField must name a custom field; the default is Budgetår.");
        if (string.IsNullOrWhiteSpace(assignments.DeadlineField)) failures.Add("CaseSystem__BudgetAssignments__DeadlineField must name a custom field; the default is Slutdatum.");
        if (string.IsNullOrWhiteSpace(assignments.PartnersField)) failures.Add("CaseSystem__BudgetAssignments__PartnersField must name a custom field; the default is Samverkansparter.");
        if (assignments.PageSize is < 1 or > 1000) failures.Add($"CaseSystem__BudgetAssignments__PageSize must be between 1 and 1000; got {assignments.PageSize}.");
        if (assignments.MaxPages < 1) failures.Add($"CaseSystem__BudgetAssignments__MaxPages must be 1 or more; got {assignments.MaxPages}. The default is {BudgetAssignmentOptions.DefaultMaxPages}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
