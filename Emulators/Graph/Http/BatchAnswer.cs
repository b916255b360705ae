using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// One request's answer inside a batch's <c>responses</c>: its status, its headers as strings, and its body inline
/// as JSON when it is JSON (text or base64 otherwise, none when empty, e.g. a 204).
/// </summary>
internal sealed record BatchAnswer(
    string Id, int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, MediaTypeHeaderValue? ContentType)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>What Graph answers for a request whose <c>dependsOn</c> names one that did not succeed.</summary>
    public static BatchAnswer FailedDependency(string id) => new(
        id,
        424,
        [new("Content-Type", "application/json")],
        Encoding.UTF8.GetBytes("""{"error":{"code":"FailedDependency","message":"The request depends on a request of the batch that failed."}}"""),
        new MediaTypeHeaderValue("application/json"));

    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteNumber("status", Status);
        if (Headers.Count > 0)
        {
            writer.WriteStartObject("headers");
            foreach (var (name, value) in Headers)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        if (Body.Length > 0)
        {
            writer.WritePropertyName("body");
            WriteBody(writer);
        }

        writer.WriteEndObject();
    }

    private void WriteBody(Utf8JsonWriter writer)
    {
        var media = ContentType?.MediaType;
        if (BatchEndpoint.IsJson(ContentType?.ToString()) && media is not null)
        {
            try
            {
                using var json = JsonDocument.Parse(Body);
                json.WriteTo(writer);
                return;
            }
            catch (JsonException)
            {
                // A body fault made it invalid: it goes as the text it is.
            }
        }

        if (media is null || media.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || BatchEndpoint.IsJson(media))
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(Body));
        }
        else
        {
            writer.WriteBase64StringValue(Body);
        }
    }
}
