using System.Globalization;
using System.Text.Json;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// Writes a library's root, folders and files as SharePoint answers through Graph. In a delta feed an item has
/// no <c>cTag</c> and no <c>parentReference.path</c>, and a file's only hash is <c>quickXorHash</c>; a single-item
/// GET adds the <c>cTag</c>, the path and the download URL.
/// </summary>
internal sealed class DriveItemJsonWriter(DocumentLibrary library, DriveTree tree, DriveLinks links, DriveQuery query)
{
    private const string DriveType = "documentLibrary";

    public void WriteRoot(Utf8JsonWriter json, bool single, string? context = null)
    {
        var list = library.List;
        // The root changes whenever the library does, as SharePoint's root eTag does.
        var version = list.LatestSequence;
        json.WriteStartObject();
        if (context is not null)
        {
            json.WriteString("@odata.context", context);
        }

        var stamps = (list.Created, list.LastModified);
        WriteCommon(json, library.RootItemId, "root", ETag(library.RootGuid, version), stamps, library.WebUrl);
        if (single && query.Selects("cTag"))
        {
            json.WriteString("cTag", CTag(library.RootGuid, version));
        }

        if (query.Selects("size"))
        {
            json.WriteNumber("size", tree.FolderSize(DriveTree.RootId));
        }

        if (query.Selects("parentReference"))
        {
            json.WriteStartObject("parentReference");
            json.WriteString("driveType", DriveType);
            json.WriteString("driveId", library.DriveId);
            json.WriteEndObject();
        }

        WriteFileSystemInfo(json, stamps);
        WriteFolder(json, DriveTree.RootId);
        if (query.Selects("root"))
        {
            json.WriteStartObject("root");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    public void WriteItem(Utf8JsonWriter json, ListItemRecord item, bool single, string? context = null)
    {
        var document = item.Document!;
        json.WriteStartObject();
        if (context is not null)
        {
            json.WriteString("@odata.context", context);
        }

        if (item.Deleted)
        {
            WriteTombstone(json, item.Id, document);
            json.WriteEndObject();
            return;
        }

        var folders = tree.PathOf(document.ParentId);
        if (single && !document.IsFolder)
        {
            json.WriteString("@microsoft.graph.downloadUrl", links.Download(item));
        }

        var stamps = (item.Created, item.Modified);
        WriteCommon(json, library.ItemIdOf(item.Id), document.Name, item.ETag, stamps, links.WebUrl(folders, document.Name));
        if (single && query.Selects("cTag"))
        {
            json.WriteString("cTag", CTag(item.UniqueId, document.ContentVersion));
        }

        if (query.Selects("size"))
        {
            json.WriteNumber("size", document.IsFolder ? tree.FolderSize(item.Id) : document.Size);
        }

        if (query.Selects("parentReference"))
        {
            json.WriteStartObject("parentReference");
            json.WriteString("driveType", DriveType);
            json.WriteString("driveId", library.DriveId);
            json.WriteString("id", library.ItemIdOf(document.ParentId));
            if (single)
            {
                json.WriteString("path", links.ParentPath(folders));
            }

            json.WriteEndObject();
        }

        WriteFileSystemInfo(json, stamps);
        if (document.IsFolder)
        {
            WriteFolder(json, item.Id);
        }
        else if (query.Selects("file"))
        {
            json.WriteStartObject("file");
            json.WriteString("mimeType", MimeTypes.Of(document.Name));
            json.WriteStartObject("hashes");
            json.WriteString("quickXorHash", document.ContentHash);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string ETag(Guid guid, long version) => string.Create(CultureInfo.InvariantCulture, $"\"{{{Upper(guid)}}},{version}\"");

    private static string CTag(Guid guid, long version) => string.Create(CultureInfo.InvariantCulture, $"\"c:{{{Upper(guid)}}},{version}\"");

    private static string Upper(Guid guid) => guid.ToString().ToUpperInvariant();

    // What a delta says about an item that is gone: its id and last name, its drive, and the deleted facet.
    private void WriteTombstone(Utf8JsonWriter json, int id, DocumentEntry document)
    {
        json.WriteString("id", library.ItemIdOf(id));
        json.WriteString("name", document.Name);
        json.WriteStartObject("parentReference");
        json.WriteString("driveType", DriveType);
        json.WriteString("driveId", library.DriveId);
        json.WriteString("id", library.ItemIdOf(document.ParentId));
        json.WriteEndObject();
        json.WriteStartObject("deleted");
        json.WriteString("state", "deleted");
        json.WriteEndObject();
    }

    private void WriteCommon(
        Utf8JsonWriter json, string id, string name, string eTag, (DateTimeOffset Created, DateTimeOffset Modified) stamps, string webUrl)
    {
        if (query.Selects("createdDateTime"))
        {
            json.WriteString("createdDateTime", FieldValues.FormatInstant(stamps.Created));
        }

        if (query.Selects("eTag"))
        {
            json.WriteString("eTag", eTag);
        }

        json.WriteString("id", id);
        if (query.Selects("lastModifiedDateTime"))
        {
            json.WriteString("lastModifiedDateTime", FieldValues.FormatInstant(stamps.Modified));
        }

        if (query.Selects("name"))
        {
            json.WriteString("name", name);
        }

        if (query.Selects("webUrl"))
        {
            json.WriteString("webUrl", webUrl);
        }

        WriteIdentity(json, "createdBy");
        WriteIdentity(json, "lastModifiedBy");
    }

    private void WriteIdentity(Utf8JsonWriter json, string property)
    {
        if (!query.Selects(property))
        {
            return;
        }

        json.WriteStartObject(property);
        json.WriteStartObject("user");
        json.WriteString("displayName", "System Account");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteFileSystemInfo(Utf8JsonWriter json, (DateTimeOffset Created, DateTimeOffset Modified) stamps)
    {
        if (!query.Selects("fileSystemInfo"))
        {
            return;
        }

        json.WriteStartObject("fileSystemInfo");
        json.WriteString("createdDateTime", FieldValues.FormatInstant(stamps.Created));
        json.WriteString("lastModifiedDateTime", FieldValues.FormatInstant(stamps.Modified));
        json.WriteEndObject();
    }

    private void WriteFolder(Utf8JsonWriter json, int folderId)
    {
        if (!query.Selects("folder"))
        {
            return;
        }

        json.WriteStartObject("folder");
        json.WriteNumber("childCount", tree.ChildCount(folderId));
        json.WriteEndObject();
    }
}
