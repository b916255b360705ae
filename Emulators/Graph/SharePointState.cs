namespace Integration.Emulators.Graph;

/// <summary>Everything the stand-in serves: sites, their lists and items. Seed it and inspect it from tests; thread-safe.</summary>
public sealed class SharePointState
{
    private readonly Lock gate = new();
    private readonly List<SharePointSite> sites = [];
    private readonly TimeProvider clock;

    internal SharePointState(TimeProvider clock) => this.clock = clock;

    public IReadOnlyList<SharePointSite> Sites
    {
        get
        {
            lock (gate)
            {
                return [.. sites];
            }
        }
    }

    /// <summary>Adds a site such as (<c>contoso.sharepoint.com</c>, <c>/sites/plan</c>); its id is derived from host and path.</summary>
    public SharePointSite AddSite(string hostName, string sitePath, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        ArgumentException.ThrowIfNullOrWhiteSpace(sitePath);
        var site = new SharePointSite(hostName, sitePath, displayName, clock);
        lock (gate)
        {
            if (FindSiteUnlocked(site.Id) is not null)
            {
                throw new InvalidOperationException($"Site {site.WebUrl} already exists.");
            }

            sites.Add(site);
        }

        return site;
    }

    /// <summary>The site at this host and path, added first if missing; atomically, so concurrent seeds share one site.</summary>
    internal SharePointSite GetOrAddSite(string hostName, string sitePath, string displayName)
    {
        var site = new SharePointSite(hostName, sitePath, displayName, clock);
        lock (gate)
        {
            if (FindSiteUnlocked(site.Id) is { } existing)
            {
                return existing;
            }

            sites.Add(site);
            return site;
        }
    }

    public SharePointSite GetSite(string siteId) =>
        FindSite(siteId) ?? throw new KeyNotFoundException($"No site with id '{siteId}'.");

    internal SharePointSite? FindSite(string siteId)
    {
        lock (gate)
        {
            return FindSiteUnlocked(siteId);
        }
    }

    /// <summary>The document library behind a drive id, on whichever site it is; Graph addresses drives without their site.</summary>
    internal DocumentLibrary? FindDrive(string driveId) =>
        Sites.SelectMany(s => s.DocumentLibraries).FirstOrDefault(l => string.Equals(l.DriveId, driveId, StringComparison.Ordinal));

    private SharePointSite? FindSiteUnlocked(string siteId) =>
        sites.Find(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase));
}
