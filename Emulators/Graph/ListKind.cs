namespace Integration.Emulators.Graph;

/// <summary>The SharePoint list templates the stand-in serves: what Graph reports for each and the items' content type.</summary>
internal sealed record ListKind(string Template, bool Hidden, string ContentTypeName)
{
    public static readonly ListKind Generic = new("genericList", Hidden: false, "Item");

    public static readonly ListKind UserInformation = new("userInformation", Hidden: true, "Person");

    /// <summary>A library: its items are files and folders, served as a drive as well as a list.</summary>
    public static readonly ListKind DocumentLibrary = new("documentLibrary", Hidden: false, "Document");
}
