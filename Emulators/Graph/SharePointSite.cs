namespace Integration.Emulators.Graph;

/// <summary>
/// A SharePoint site with its lists, including the hidden User Information List that every site has, and its
/// document libraries, which are lists and drives at once.
/// </summary>
public sealed class SharePointSite
{
    /// <summary>The display name SharePoint gives the hidden list of the site's users.</summary>
    public const string UserInformationListName = "User Information List";

    private readonly Lock gate = new();
    private readonly List<SharePointList> lists = [];
    private readonly List<DocumentLibrary> libraries = [];
    private readonly TimeProvider clock;
    private TimeZoneInfo timeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    internal SharePointSite(string hostName, string sitePath, string displayName, TimeProvider clock)
    {
        this.clock = clock;
        HostName = hostName;
        Path = "/" + sitePath.Trim('/');
        DisplayName = displayName;
        Name = Path[(Path.LastIndexOf('/') + 1)..];
        WebUrl = $"https://{hostName}{Path}";
        SiteCollectionGuid = DeterministicGuid.From($"site|{hostName}|{Path}");
        WebGuid = DeterministicGuid.From($"web|{hostName}|{Path}");
        Id = $"{hostName},{SiteCollectionGuid},{WebGuid}";
        Created = clock.GetUtcNow();
        UserInformationList = new SharePointList(
            this, DeterministicGuid.From($"{Id}|list|{UserInformationListName}"), UserInformationListName,
            "users", $"{WebUrl}/_catalogs/users", ListKind.UserInformation, clock);
        UserInformationList.CreateAt(SystemFields.SystemAccountId, FieldSet.Empty.Merge(
        [
            new("Title", FieldValues.ToJson("System Account", timeZone)),
            new("Name", FieldValues.ToJson("SHAREPOINT\\system", timeZone)),
        ]));
        lists.Add(UserInformationList);
    }

    /// <summary>Graph's composite site id: <c>host,{site collection GUID},{web GUID}</c>, stable for a host and path.</summary>
    public string Id { get; }

    public string DisplayName { get; }

    public string HostName { get; }

    /// <summary>Server-relative path such as <c>/sites/handlingsplan</c>.</summary>
    public string Path { get; }

    public string WebUrl { get; }

    /// <summary>
    /// The hidden list that maps a person column's lookup id to a name and email. It starts with
    /// SharePoint's "System Account" (id 1073741823), the author of every seeded item.
    /// </summary>
    public SharePointList UserInformationList { get; }

    /// <summary>The site's regional time zone; date-only seed values are stored as its local midnight. Default Europe/Stockholm.</summary>
    public TimeZoneInfo TimeZone
    {
        get => Volatile.Read(ref timeZone);
        set => Volatile.Write(ref timeZone, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>
    /// When set, creating a list or a column answers 403 <c>accessDenied</c>, as Graph does for an app
    /// without Sites.Manage.All or the Sites.Selected <c>manage</c> role; reads still work.
    /// </summary>
    public bool RefusesSchemaChanges { get; set; }

    public IReadOnlyList<SharePointList> Lists
    {
        get
        {
            lock (gate)
            {
                return [.. lists];
            }
        }
    }

    public IReadOnlyList<DocumentLibrary> DocumentLibraries
    {
        get
        {
            lock (gate)
            {
                return [.. libraries];
            }
        }
    }

    internal string Name { get; }

    internal Guid SiteCollectionGuid { get; }

    internal Guid WebGuid { get; }

    internal DateTimeOffset Created { get; }

    /// <summary>Adds a generic list; <paramref name="id"/> is a GUID, or one derived from the name.</summary>
    public SharePointList AddList(string displayName, string? id = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var guid = id is null ? DeterministicGuid.From($"{Id}|list|{displayName}")
            : Guid.TryParse(id, out var parsed) ? parsed
            : throw new ArgumentException($"List id '{id}' is not a GUID.", nameof(id));
        var urlName = UrlNameOf(displayName);
        var list = new SharePointList(this, guid, displayName, urlName, $"{WebUrl}/Lists/{urlName}", ListKind.Generic, clock);
        lock (gate)
        {
            AddUnlocked(list);
        }

        return list;
    }

    /// <summary>
    /// Adds a document library: a list with the <c>documentLibrary</c> template and a drive named
    /// <paramref name="displayName"/>. Without <paramref name="driveId"/> the id is SharePoint's form,
    /// <c>b!</c> and the base64url of the site collection, web and list GUIDs.
    /// </summary>
    public DocumentLibrary AddDocumentLibrary(string displayName, string? driveId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var guid = DeterministicGuid.From($"{Id}|list|{displayName}");
        // SharePoint's own default library is "Documents" at the URL "Shared Documents".
        var urlName = string.Equals(displayName, "Documents", StringComparison.OrdinalIgnoreCase) ? "Shared Documents" : UrlNameOf(displayName);
        var list = new SharePointList(
            this, guid, displayName, urlName, $"{WebUrl}/{Uri.EscapeDataString(urlName)}", ListKind.DocumentLibrary, clock);
        var library = new DocumentLibrary(list, driveId ?? DriveIdOf(guid));
        ArgumentException.ThrowIfNullOrWhiteSpace(library.DriveId, nameof(driveId));
        lock (gate)
        {
            if (FindLibraryUnlocked(library.DriveId) is not null)
            {
                throw new InvalidOperationException($"Site '{DisplayName}' already has a drive '{library.DriveId}'.");
            }

            AddUnlocked(list);
            libraries.Add(library);
        }

        return library;
    }

    /// <summary>A document library by drive id, or by display name (case-insensitive), which is also its drive's name.</summary>
    public DocumentLibrary GetDocumentLibrary(string driveIdOrName) =>
        FindDocumentLibrary(driveIdOrName) ?? throw new KeyNotFoundException($"Site '{DisplayName}' has no document library '{driveIdOrName}'.");

    /// <summary>The generic list with this display name, added first if missing; atomically.</summary>
    internal SharePointList GetOrAddList(string displayName)
    {
        lock (gate)
        {
            if (FindListUnlocked(displayName) is { } existing)
            {
                return existing;
            }
        }

        try
        {
            return AddList(displayName);
        }
        catch (InvalidOperationException)
        {
            // Another caller added it between the look and the add.
            return GetList(displayName);
        }
    }

    /// <summary>The document library with this display name, added first if missing; atomically.</summary>
    internal DocumentLibrary GetOrAddDocumentLibrary(string displayName)
    {
        if (FindDocumentLibrary(displayName) is { } existing)
        {
            return existing;
        }

        try
        {
            return AddDocumentLibrary(displayName);
        }
        catch (InvalidOperationException)
        {
            // Another caller added it between the look and the add.
            return GetDocumentLibrary(displayName);
        }
    }

    /// <summary>A list by GUID or display name (case-insensitive), as Graph addresses them.</summary>
    public SharePointList GetList(string idOrDisplayName) =>
        FindList(idOrDisplayName) ?? throw new KeyNotFoundException($"Site '{DisplayName}' has no list '{idOrDisplayName}'.");

    /// <summary>
    /// The User Information List id for a person, adding the entry when it is missing. A person is found by
    /// email, or by name when there is no email (such a person has no <c>EMail</c> field, as in SharePoint).
    /// </summary>
    public int EnsureUser(string displayName, string? email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var zone = TimeZone;
        var login = email ?? string.Concat(displayName.ToLowerInvariant().Where(char.IsLetterOrDigit));
        var fields = FieldSet.Empty.Merge(
        [
            new("Title", FieldValues.ToJson(displayName, zone)),
            new("EMail", FieldValues.ToJson(email, zone)),
            new("Name", FieldValues.ToJson($"i:0#.f|membership|{login}", zone)),
        ]);
        return UserInformationList.FindOrCreate(existing => email is null
            ? !existing.TryGet("EMail", out _) && existing.TryGet("Title", out var title) && title.GetString() == displayName
            : existing.TryGet("EMail", out var mail) && string.Equals(mail.GetString(), email, StringComparison.OrdinalIgnoreCase),
            fields);
    }

    internal DocumentLibrary? FindDocumentLibrary(string driveIdOrName)
    {
        lock (gate)
        {
            return FindLibraryUnlocked(driveIdOrName);
        }
    }

    internal SharePointList? FindList(string idOrDisplayName)
    {
        lock (gate)
        {
            return FindListUnlocked(idOrDisplayName);
        }
    }

    // SharePoint's URL name for a new list is its title without spaces and punctuation.
    private static string UrlNameOf(string displayName)
    {
        var name = string.Concat(displayName.Where(char.IsLetterOrDigit));
        return name.Length > 0 ? name : "List";
    }

    private string DriveIdOf(Guid listGuid)
    {
        var bytes = new byte[48];
        SiteCollectionGuid.TryWriteBytes(bytes.AsSpan(0, 16));
        WebGuid.TryWriteBytes(bytes.AsSpan(16, 16));
        listGuid.TryWriteBytes(bytes.AsSpan(32, 16));
        return "b!" + System.Buffers.Text.Base64Url.EncodeToString(bytes);
    }

    private void AddUnlocked(SharePointList list)
    {
        if (FindListUnlocked(list.DisplayName) is not null || FindListUnlocked(list.Id) is not null)
        {
            throw new InvalidOperationException($"Site '{DisplayName}' already has a list '{list.DisplayName}' or id {list.Id}.");
        }

        lists.Add(list);
    }

    private DocumentLibrary? FindLibraryUnlocked(string driveIdOrName) =>
        libraries.Find(l => string.Equals(l.DriveId, driveIdOrName, StringComparison.Ordinal))
        ?? libraries.Find(l => string.Equals(l.DisplayName, driveIdOrName, StringComparison.OrdinalIgnoreCase));

    private SharePointList? FindListUnlocked(string idOrDisplayName) =>
        lists.Find(l => string.Equals(l.Id, idOrDisplayName, StringComparison.OrdinalIgnoreCase))
        ?? lists.Find(l => string.Equals(l.DisplayName, idOrDisplayName, StringComparison.OrdinalIgnoreCase));
}
