using System.Text.Json;

namespace Integration.Core.Registry;

/// <summary>
/// An error answer as an RFC 7807 problem document, with Bolagsverket's additions: <c>type</c> (e.g.
/// <c>urn:bolagsverket:error:validation</c>), <c>instance</c> (e.g. <c>validation.client</c>,
/// <c>auth.token_expired</c>), <c>status</c>, <c>title</c>, <c>detail</c>, <c>timestamp</c> and
/// <c>requestId</c> (our <c>X-Request-Id</c>, to quote to Bolagsverket's support).
/// </summary>
public sealed record RegistryProblem(string? Type, string? Title, int? Status, string? Detail, string? Instance, string? RequestId)
{
    /// <summary>The fields that identify the error, without <see cref="Detail"/>: fit for a log line.</summary>
    public string Summary => string.Join(", ", new[] { Type, Instance, Title }.Where(s => !string.IsNullOrEmpty(s)))
        + (RequestId is null ? "" : $"; requestId {RequestId}");

    /// <summary>Reads a problem document; null when the body is not one (an HTML page, plain text, another JSON shape).</summary>
    public static RegistryProblem? TryRead(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var problem = new RegistryProblem(
                Text(root, "type"),
                Text(root, "title"),
                root.TryGetProperty("status", out var status) && status.TryGetInt32(out var code) ? code : null,
                Text(root, "detail"),
                Text(root, "instance"),
                Text(root, "requestId"));
            return problem.Type is null && problem.Title is null && problem.Status is null ? null : problem;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
