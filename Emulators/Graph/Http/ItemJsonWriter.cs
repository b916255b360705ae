using System.Globalization;
using System.Text.Json;

namespace Integration.Emulators.Graph.Http;

/// <summary>Writes list items as SharePoint answers through Graph: string ids, <c>"{GUID},n"</c> eTags, computed columns.</summary>
internal sealed class ItemJsonWriter(SharePointList list, ListLinks links, ItemQuery query)
{
    private const string SystemAccount = "System Account";

    private static readonly string SystemAccountId = SystemFields.SystemAccountId.ToString(CultureInfo.InvariantCulture);

    public void WriteItem(Utf8JsonWriter writer, ListItemRecord item, string? context = null)
    {
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }

        if (item.Deleted)
        {
            WriteTombstoneProperties(writer, item);
        }
        else
        {
            WriteItemProperties(writer, item);
        }

        writer.WriteEndObject();
    }

    public void WriteFields(Utf8JsonWriter writer, ListItemRecord item, string? context = null)
    {
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }

        WriteFieldProperties(writer, item);
        writer.WriteEndObject();
    }

    private static string Id(ListItemRecord item) => item.Id.ToString(CultureInfo.InvariantCulture);

    private static void WriteIdentity(Utf8JsonWriter writer, string property)
    {
        writer.WriteStartObject(property);
        writer.WriteStartObject("user");
        writer.WriteString("displayName", SystemAccount);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // What a delta says about an item that is gone: its id, where it was, and the deleted facet.
    private void WriteTombstoneProperties(Utf8JsonWriter writer, ListItemRecord item)
    {
        writer.WriteString("id", Id(item));
        writer.WriteStartObject("parentReference");
        writer.WriteString("siteId", list.Site.Id);
        writer.WriteEndObject();
        writer.WriteStartObject("deleted");
        writer.WriteString("state", "deleted");
        writer.WriteEndObject();
    }

    private void WriteItemProperties(Utf8JsonWriter writer, ListItemRecord item)
    {
        writer.WriteString("@odata.etag", item.ETag);
        if (query.Selects("createdDateTime"))
        {
            writer.WriteString("createdDateTime", FieldValues.FormatInstant(item.Created));
        }

        if (query.Selects("eTag"))
        {
            writer.WriteString("eTag", item.ETag);
        }

        if (query.Selects("id"))
        {
            writer.WriteString("id", Id(item));
        }

        if (query.Selects("lastModifiedDateTime"))
        {
            writer.WriteString("lastModifiedDateTime", FieldValues.FormatInstant(item.Modified));
        }

        if (query.Selects("webUrl"))
        {
            writer.WriteString("webUrl", $"{list.WebUrl}/{Id(item)}_.000");
        }

        if (query.Selects("createdBy"))
        {
            WriteIdentity(writer, "createdBy");
        }

        if (query.Selects("lastModifiedBy"))
        {
            WriteIdentity(writer, "lastModifiedBy");
        }

        if (query.Selects("parentReference"))
        {
            writer.WriteStartObject("parentReference");
            writer.WriteString("id", list.Id);
            writer.WriteString("siteId", list.Site.Id);
            writer.WriteEndObject();
        }

        if (query.Selects("contentType"))
        {
            writer.WriteStartObject("contentType");
            writer.WriteString("id", list.ContentTypeId);
            writer.WriteString("name", list.ContentTypeName);
            writer.WriteEndObject();
        }

        if (query.ExpandFields)
        {
            writer.WriteString("fields@odata.context", links.FieldsContext(item.Id));
            writer.WritePropertyName("fields");
            WriteFields(writer, item);
        }
    }

    private static readonly string[] ComputedFields =
    [
        "id", "ContentType", "Modified", "Created", "AuthorLookupId", "EditorLookupId", "_UIVersionString", "Attachments", "Edit",
        "LinkTitleNoMenu", "LinkTitle", "ItemChildCount", "FolderChildCount", "_ComplianceFlags", "_ComplianceTag",
        "_ComplianceTagWrittenTime", "_ComplianceTagUserId",
    ];

    private void WriteFieldProperties(Utf8JsonWriter writer, ListItemRecord item)
    {
        writer.WriteString("@odata.etag", item.ETag);
        foreach (var (name, value) in item.Fields.Entries)
        {
            if (query.SelectsField(name))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        // In a document library the name is a column too; the drive item holds it.
        if (item.Document is { } document && query.SelectsField("FileLeafRef"))
        {
            writer.WriteString("FileLeafRef", document.Name);
        }

        // SharePoint's computed columns, in its order; each value is made only when selected.
        foreach (var name in ComputedFields)
        {
            if (!query.SelectsField(name))
            {
                continue;
            }

            if (name == "Attachments")
            {
                writer.WriteBoolean(name, false);
                continue;
            }

            var text = name switch
            {
                "id" => Id(item),
                "ContentType" => item.Document?.IsFolder == true ? "Folder" : list.ContentTypeName,
                "Modified" => FieldValues.FormatInstant(item.Modified),
                "Created" => FieldValues.FormatInstant(item.Created),
                "AuthorLookupId" or "EditorLookupId" => SystemAccountId,
                "_UIVersionString" => string.Create(CultureInfo.InvariantCulture, $"{item.Version}.0"),
                "LinkTitleNoMenu" or "LinkTitle" => item.Fields.TryGet("Title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString() : null,
                "ItemChildCount" or "FolderChildCount" => "0",
                _ => "",
            };
            if (text is not null)
            {
                writer.WriteString(name, text);
            }
        }
    }
}
