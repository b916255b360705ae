using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>
/// A paged query as a faulty SIF answers it (<see cref="SifFaultKind.EndlessPages"/>,
/// <see cref="SifFaultKind.RepeatedPage"/>): <c>TotalPageCount</c> is always one page more than the one
/// asked for, and a repeated page is the first page whatever <c>Page</c> says.
/// </summary>
internal static class EndlessPaging
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Run(SifFaultKind kind, ReadOnlyMemory<byte> body, Func<ReadOnlyMemory<byte>, byte[]> run)
    {
        if (JsonNode.Parse(body.Span) is not JsonObject { } request || request["parameter"] is not JsonObject parameter)
        {
            return run(body);
        }

        var asked = parameter["Page"] is JsonValue page && page.TryGetValue<int>(out var number) ? number : 0;
        if (kind == SifFaultKind.RepeatedPage)
        {
            parameter["Page"] = 0;
            body = Encoding.UTF8.GetBytes(request.ToJsonString());
        }

        var answer = JsonNode.Parse(run(body))!.AsObject();
        if (answer.ContainsKey("TotalPageCount")) answer["TotalPageCount"] = asked + 2;
        return JsonSerializer.SerializeToUtf8Bytes(answer, Json);
    }
}
