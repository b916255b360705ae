using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integration.Emulators.Graph.Http;

/// <summary>Gives a page the link a <see cref="PageLoop"/> fault wants, in place of its <c>@odata.nextLink</c> or <c>@odata.deltaLink</c>.</summary>
internal static class PageLoops
{
    private const string NextLink = "@odata.nextLink";
    private const string DeltaLink = "@odata.deltaLink";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The page with its new link; null when the answer is not a page or the fault leaves it as it is.</summary>
    public static string? Apply(FaultInjector faults, string pathAndQuery, string self, string body)
    {
        if (JsonNode.Parse(body) is not JsonObject page || page["value"] is not JsonArray)
        {
            return null;
        }

        if (faults.LoopLink(pathAndQuery, self, ends: !page.ContainsKey(NextLink)) is not { } link)
        {
            return null;
        }

        page.Remove(DeltaLink);
        page[NextLink] = link;
        return page.ToJsonString(Json);
    }
}
