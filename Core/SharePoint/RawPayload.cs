using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Integration.Core.SharePoint;

/// <summary>
/// An item as Graph sent it, for the Quarantine table. Kiota escapes every non-ASCII character
/// (<c>V\u00e4ntar</c>); the network reads these rows, so the text is written back readable.
/// </summary>
public static class RawPayload
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<string> OfAsync<T>(T item, CancellationToken ct) where T : IParsable
    {
        var json = await KiotaJsonSerializer.SerializeAsStringAsync(item, serializeOnlyChangedValues: false, ct);
        return JsonNode.Parse(json)?.ToJsonString(Readable) ?? json;
    }
}
