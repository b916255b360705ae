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

    public SharePointListsOptions Lists { get; set; } = new();

    public SharePointLibrariesOptions Libraries { get; set; } = new();

    /// <summary>
    /// Internal column names per list where the site's differ from the defaults,
    /// e.g. <c>SharePoint__Fields__PlanItems__DueDate=Slutdatum</c>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Items per Graph page (<c>$top</c>). SharePoint caps list pages at 5000; smaller pages keep memory flat.</summary>
    public int PageSize { get; set; } = 200;
}

/// <summary>Which credential the Graph client uses.</summary>
public enum GraphAuthMode
{
    ManagedIdentity,
    ClientSecret,

    /// <summary>No token at all. Only for a stand-in on a loopback address.</summary>
    None,
}

/// <summary>List ids or display names; a list left empty is a source that is skipped.</summary>
public sealed class SharePointListsOptions
{
    public string? PlanItems { get; set; }
    public string? BudgetAssignments { get; set; }
    public string? Enterprises { get; set; }
    public string? Agreements { get; set; }
}

public sealed class SharePointLibrariesOptions
{
    public string? MeetingNotes { get; set; }
}
