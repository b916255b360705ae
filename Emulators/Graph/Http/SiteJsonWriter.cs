using System.Text.Json;

namespace Integration.Emulators.Graph.Http;

/// <summary>Writes site, list and drive resources as Graph returns them.</summary>
internal static class SiteJsonWriter
{
    public static void WriteSite(Utf8JsonWriter writer, SharePointSite site, string context)
    {
        writer.WriteStartObject();
        writer.WriteString("@odata.context", context);
        writer.WriteString("createdDateTime", FieldValues.FormatInstant(site.Created));
        writer.WriteString("description", "");
        writer.WriteString("id", site.Id);
        writer.WriteString("lastModifiedDateTime", FieldValues.FormatInstant(site.Created));
        writer.WriteString("name", site.Name);
        writer.WriteString("webUrl", site.WebUrl);
        writer.WriteString("displayName", site.DisplayName);
        writer.WriteStartObject("siteCollection");
        writer.WriteString("hostname", site.HostName);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter writer, SharePointList list, string? context = null)
    {
        var eTag = $"\"{list.Id},{list.LatestSequence}\"";
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }

        writer.WriteString("@odata.etag", eTag);
        writer.WriteString("createdDateTime", FieldValues.FormatInstant(list.Created));
        writer.WriteString("description", "");
        writer.WriteString("eTag", eTag);
        writer.WriteString("id", list.Id);
        writer.WriteString("lastModifiedDateTime", FieldValues.FormatInstant(list.LastModified));
        writer.WriteString("name", list.UrlName);
        writer.WriteString("webUrl", list.WebUrl);
        writer.WriteString("displayName", list.DisplayName);
        writer.WriteStartObject("createdBy");
        writer.WriteStartObject("user");
        writer.WriteString("displayName", "System Account");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("parentReference");
        writer.WriteString("siteId", list.Site.Id);
        writer.WriteEndObject();
        writer.WriteStartObject("list");
        writer.WriteBoolean("contentTypesEnabled", false);
        writer.WriteBoolean("hidden", list.Hidden);
        writer.WriteString("template", list.Template);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>A document library as a drive: <c>driveType</c> <c>documentLibrary</c>, named by the library's title.</summary>
    public static void WriteDrive(Utf8JsonWriter writer, DocumentLibrary library, string? context = null)
    {
        var list = library.List;
        writer.WriteStartObject();
        if (context is not null)
        {
            writer.WriteString("@odata.context", context);
        }

        writer.WriteString("createdDateTime", FieldValues.FormatInstant(list.Created));
        writer.WriteString("description", "");
        writer.WriteString("id", library.DriveId);
        writer.WriteString("lastModifiedDateTime", FieldValues.FormatInstant(list.LastModified));
        writer.WriteString("name", library.DisplayName);
        writer.WriteString("webUrl", list.WebUrl);
        writer.WriteString("driveType", "documentLibrary");
        writer.WriteStartObject("createdBy");
        writer.WriteStartObject("user");
        writer.WriteString("displayName", "System Account");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
