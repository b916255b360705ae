using System.Text.Json.Nodes;
using Integration.Core.Privacy;
using Integration.Emulators.Graph;
using Integration.Emulators.Teams;

namespace Integration.Cli.Demo;

/// <summary>
/// What the night's notifications came to, as people would read them: the channel digest's
/// sections and items, taken from the cards the Workflows stand-in received, and each personal
/// notification the Graph stand-in's activity feed received, to a masked address.
/// </summary>
internal static class DemoDigestReport
{
    public static void Write(TeamsWebhookStandIn webhook, TeamsActivityFeed feed, TextWriter output)
    {
        var posts = webhook.Posts;
        output.WriteLine();
        output.WriteLine($"Channel digest through the Teams Workflows webhook: {posts.Count} post(s), {posts.Sum(p => p.Bytes):N0} bytes, {posts.Sum(p => p.Problems.Count)} problem(s) the flow would meet.");
        foreach (var card in posts.SelectMany(p => p.Cards))
        {
            var body = card["body"] as JsonArray ?? [];
            output.WriteLine("  " + string.Join(" – ", body.OfType<JsonObject>().Where(IsTextBlock).Select(Text)));
            foreach (var section in body.OfType<JsonObject>().Where(e => (string?)e["type"] == "Container"))
            {
                var parts = section["items"] as JsonArray ?? [];
                output.WriteLine($"  {parts.OfType<JsonObject>().Where(IsTextBlock).Select(Text).FirstOrDefault()}");
                foreach (var item in parts.OfType<JsonObject>().Where(e => (string?)e["type"] == "Container"))
                {
                    var lines = (item["items"] as JsonArray ?? []).OfType<JsonObject>().Select(Runs).ToList();
                    output.WriteLine($"    - {lines.FirstOrDefault()}");
                    foreach (var fact in lines.Skip(1)) output.WriteLine($"      {fact}");
                }
            }
        }

        var delivered = feed.Delivered;
        output.WriteLine();
        output.WriteLine($"Personal notifications in the Teams activity feed: {delivered.Count}, one per person.");
        foreach (var notification in delivered.OrderBy(n => n.User, StringComparer.OrdinalIgnoreCase))
        {
            output.WriteLine($"  to {PersonalData.MaskEmail(notification.User)}: {notification.TemplateParameters.GetValueOrDefault("systemDefault")}");
            output.WriteLine($"  {"",5}preview: {notification.PreviewText}");
            output.WriteLine($"  {"",5}opens {notification.WebUrl}");
        }
    }

    private static bool IsTextBlock(JsonObject element) => (string?)element["type"] == "TextBlock";

    /// <summary>A TextBlock's text is escaped for markdown; shown here as a reader sees it.</summary>
    private static string Text(JsonObject block)
    {
        var text = (string?)block["text"] ?? "";
        var shown = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length) i++;
            shown.Append(text[i]);
        }

        return shown.ToString();
    }

    private static string Runs(JsonObject block) =>
        string.Concat((block["inlines"] as JsonArray ?? []).Select(r => (string?)r?["text"]));
}
