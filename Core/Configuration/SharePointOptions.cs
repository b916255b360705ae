namespace Integration.Core.Configuration;

/// <summary>How the backend reaches SharePoint through Microsoft Graph (section <c>SharePoint</c>).</summary>
public sealed class SharePointOptions
{
    public const string Section = "SharePoint";
    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0";

    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    public GraphAuthMode Auth { get; set; } = GraphAuthMode.ManagedIdentity;

    /// <summary>Graph site id, e.g. <c>contoso.sharepoint.com,{guid},{guid}</c>.</summary>
    public string? SiteId { get; set; }

    /// <summary>Client id of the user-assigned managed identity (ManagedIdentity) or of the app registration (ClientSecret).</summary>
    public string? ClientId { get; set; }

    /// <summary>Entra tenant id; only for <see cref="GraphAuthMode.ClientSecret"/>.</summary>
    public string? TenantId { get; set; }

    /// <summary>App secret; only for <see cref="GraphAuthMode.ClientSecret"/>. A Key Vault reference in Azure.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The lists, by source (<c>SharePoint__Lists__PlanItems</c>): an id or a display name. Each source's
    /// module names the key it reads; a source whose list is empty is skipped.
    /// </summary>
    public Dictionary<string, string> Lists { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The document libraries, by source (<c>SharePoint__Libraries__MeetingNotes</c>): the drive's name or its id.</summary>
    public Dictionary<string, string> Libraries { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Internal column names per list where the site's differ from the defaults,
    /// e.g. <c>SharePoint__Fields__PlanItems__DueDate=Slutdatum</c>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The list configured for <paramref name="source"/>; null when none is.</summary>
    public string? List(string source) => Lists.TryGetValue(source, out var list) && !string.IsNullOrWhiteSpace(list) ? list : null;

    /// <summary>The library configured for <paramref name="source"/>; null when none is.</summary>
    public string? Library(string source) => Libraries.TryGetValue(source, out var library) && !string.IsNullOrWhiteSpace(library) ? library : null;

    /// <summary>Items per Graph page (<c>$top</c>). SharePoint caps list pages at 5000; smaller pages keep memory flat.</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>
    /// The most pages one read of a list or library follows (<c>SharePoint__MaxPages</c>): a SharePoint whose
    /// <c>@odata.nextLink</c> never ends stops a night here. Generous: 10,000 pages of 200 items is two million.
    /// </summary>
    public int MaxPages { get; set; } = DefaultMaxPages;

    public const int DefaultMaxPages = 10_000;

    /// <summary>
    /// The resource units a night may spend per <see cref="ResourceUnitWindow"/> (<c>SharePoint__ResourceUnitsPerMinute</c>):
    /// SharePoint meters each app per tenant, and 1,200 a minute is its smallest per-app tier (tenants under
    /// 1,000 licences). The night's Graph calls are paced to stay inside it. 0 turns pacing off, for a stand-in
    /// that meters nothing.
    /// </summary>
    public int ResourceUnitsPerMinute { get; set; } = DefaultResourceUnitsPerMinute;

    public const int DefaultResourceUnitsPerMinute = 1200;

    /// <summary>
    /// The window <see cref="ResourceUnitsPerMinute"/> is counted over (<c>SharePoint__ResourceUnitWindow</c>,
    /// default a minute, as SharePoint counts). Only a test or a bench against a stand-in with a shorter window changes it.
    /// </summary>
    public TimeSpan ResourceUnitWindow { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Which credential the Graph client uses.</summary>
public enum GraphAuthMode
{
    ManagedIdentity,
    ClientSecret,

    /// <summary>No token at all. Only for a stand-in on a loopback address.</summary>
    None,
}

