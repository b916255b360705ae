using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integration.Core.Notifications;
using Integration.Functions.Tests.Deployment;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// The channel digest as a person sees it: every card kind, built by the real card code from a
/// realistic Swedish night, rendered by the Adaptive Cards JavaScript renderer (npm
/// <c>adaptivecards</c>) with a Teams host config in Debian's headless Chromium
/// (<c>tools/card-render</c>). A card fails when rendering throws, when the renderer reports a
/// problem, or when an element of the JSON is not on the page. The PNGs are written to
/// <c>TestResults/cards/</c> at the repository's root. Without Chromium every test here reports
/// itself skipped, with the reason; none passes without having rendered.
/// </summary>
public sealed class CardRenderingTests(CardRenderingTests.Rendering rendering) : IClassFixture<CardRenderingTests.Rendering>
{
    public const string HostileTitle = "[klicka här](https://evil.example) <at>Alla</at> **viktigt**";

    public static TheoryData<string> Cards => new(Rendering.CardNames);

    [SkippableTheory]
    [MemberData(nameof(Cards))]
    public void EveryCardRendersWithNothingThrownReportedOrDropped(string card)
    {
        var report = rendering.Report(card);

        Assert.True(report.Threw is null, $"{card}: rendering threw: {report.Threw}");
        Assert.True(report.ParseEvents.Count == 0, $"{card}: the renderer reported on parsing: {string.Join("; ", report.ParseEvents)}");
        Assert.True(report.ValidationEvents.Count == 0, $"{card}: the renderer reported on validation: {string.Join("; ", report.ValidationEvents)}");
        Assert.True(report.Dropped.Count == 0, $"{card}: dropped: {string.Join("; ", report.Dropped)}");
        Assert.True(report.Console.Count == 0, $"{card}: the page logged: {string.Join("; ", report.Console)}");
        Assert.Equal(report.JsonElements, report.RenderedElements);
        Assert.True(File.Exists(Path.Combine(rendering.Output, card + ".png")), $"{card}: no screenshot");
    }

    [SkippableFact]
    public void AHostileTitleShowsAsLiteralTextWithNoLinkMentionOrBold()
    {
        var report = rendering.Report("digest");

        Assert.Contains(HostileTitle, report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Links, l => l.Href.Contains("evil.example", StringComparison.Ordinal));
        Assert.All(report.Links, l => Assert.StartsWith("https://stockholmstad.sharepoint.com/", l.Href, StringComparison.Ordinal));
        Assert.All(report.Links, l => Assert.Equal("Öppna i SharePoint", l.Text));
        Assert.Empty(report.Formatting);
    }

    /// <summary>The checks above have teeth: the same title in an unescaped TextBlock renders as a link and bold.</summary>
    [SkippableFact]
    public void TheSameTitleInAnUnescapedTextBlockWouldBeALinkAndBold()
    {
        var report = rendering.Report(Rendering.Control);

        Assert.Contains(report.Links, l => l.Href == "https://evil.example");
        Assert.Contains(report.Formatting, f => f.StartsWith("strong", StringComparison.Ordinal));
    }

    /// <summary>And an element the renderer does not know is reported and counted as dropped.</summary>
    [SkippableFact]
    public void AnElementTheRendererDoesNotKnowIsReportedAndCountedAsDropped()
    {
        var report = rendering.Report(Rendering.UnknownElement);

        Assert.Contains(report.ParseEvents, e => e.Contains("Rating", StringComparison.Ordinal));
        Assert.Contains(report.Dropped, d => d.Contains("Rating", StringComparison.Ordinal));
        Assert.NotEqual(report.JsonElements, report.RenderedElements);
    }

    [SkippableFact]
    public void SwedishTextArrivesIntactAndTheSplitDigestSaysWhichPart()
    {
        var digest = rendering.Report("digest");
        Assert.Contains("2 december 2026", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Försenade aktiviteter: 3", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Kartläggning av arbetsintegrerande sociala företag i Skärholmen och Älvsjö", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Eskalerad", digest.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", digest.Text, StringComparison.Ordinal);

        Assert.Contains("Del 1 av 2", rendering.Report("digest-split-1").Text, StringComparison.Ordinal);
        Assert.Contains("Del 2 av 2", rendering.Report("digest-split-2").Text, StringComparison.Ordinal);
    }

    /// <summary>Builds the cards, renders them all in one Chromium, and holds the report.</summary>
    public sealed class Rendering
    {
        public const string Control = "control-unescaped-textblock";
        public const string UnknownElement = "control-unknown-element";
        public static readonly string[] CardNames = ["digest", "digest-one-section", "digest-split-1", "digest-split-2"];

        private static readonly DateOnly Night = new(2026, 12, 2);
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
        private readonly Dictionary<string, CardReport> reports = [];
        private readonly string? skipReason;

        public Rendering()
        {
            Output = Path.Combine(RepositoryPaths.Root, "TestResults", "cards");
            var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
            var harness = Path.Combine(RepositoryPaths.Root, "tools", "card-render", "render.mjs");
            var renderer = Path.Combine(RepositoryPaths.Root, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
            if (!File.Exists(chromium))
            {
                skipReason = $"Chromium is not installed at {chromium}: install Debian's chromium (apt-get install -y chromium), as .ci/run does, to render the Teams cards.";
                return;
            }

            if (!File.Exists(renderer))
            {
                skipReason = "The Adaptive Cards renderer is not in node_modules: run npm ci.";
                return;
            }

            var input = Path.Combine(Path.GetTempPath(), "card-render-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(input);
            try
            {
                foreach (var (name, message) in BuildCards()) File.WriteAllText(Path.Combine(input, name + ".json"), DigestPosts.Json(message));
                if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
                Run(harness, input, Output, chromium);
                var all = JsonSerializer.Deserialize<Dictionary<string, CardReport>>(File.ReadAllText(Path.Combine(Output, "report.json")), JsonOptions)
                    ?? throw new InvalidOperationException("report.json is empty");
                foreach (var (name, report) in all) reports[name] = report;
            }
            finally
            {
                Directory.Delete(input, recursive: true);
            }
        }

        public string Output { get; }

        public CardReport Report(string card)
        {
            Skip.If(skipReason is not null, skipReason);
            Assert.True(reports.TryGetValue(card, out var report), $"no report for {card}");
            return report!;
        }

        private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

        private static void Run(string harness, string input, string output, string chromium)
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(harness);
            start.ArgumentList.Add(input);
            start.ArgumentList.Add(output);
            start.Environment["CHROMIUM_PATH"] = chromium;
            using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            var stdout = node.StandardOutput.ReadToEndAsync();
            var stderr = node.StandardError.ReadToEndAsync();
            if (!node.WaitForExit(Timeout))
            {
                node.Kill(entireProcessTree: true);
                throw new TimeoutException($"rendering the cards took more than {Timeout.TotalSeconds} s");
            }

            node.WaitForExit();
            if (node.ExitCode != 0) throw new InvalidOperationException($"the render harness exited {node.ExitCode}: {stdout.Result} {stderr.Result}");
        }

        /// <summary>Every kind of card the channel gets, from the real mapper and packing.</summary>
        private static IEnumerable<(string Name, JsonObject Message)> BuildCards()
        {
            var night = NightItems();
            var one = DigestPosts.Build(Night, night);
            Assert.Single(one);
            yield return ("digest", one[0].Message);

            yield return ("digest-one-section", DigestPosts.Build(Night, night.Where(i => i.Section == DigestSection.DueSoon).ToList()).Single().Message);

            // A night too large for one post, at the real size limit: the fewest items that split.
            var many = new List<DigestItem>();
            IReadOnlyList<DigestPost> posts;
            do
            {
                many.Add(Overdue($"split-{many.Count}", $"Aktivitet {many.Count + 1}: uppföljning av upphandlingar med sociala hänsyn i stadsdelsnämnderna",
                    "Kommunstyrelsen", "Karin Åberg", 30 + many.Count, 30 + many.Count, "KS 2024/" + (100 + many.Count)));
                posts = DigestPosts.Build(Night, many);
            }
            while (posts.Count == 1);

            Assert.Equal(2, posts.Count);
            yield return ("digest-split-1", posts[0].Message);
            yield return ("digest-split-2", posts[1].Message);

            // A card the digest never sends: the hostile title where markdown is read.
            var control = DigestCard.Message(Night, [night[0]]);
            control["attachments"]![0]!["content"]!["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = HostileTitle, ["wrap"] = true });
            yield return (Control, control);

            // Nor this: an element that Teams' renderer does not have (a rating from a later version).
            var unknown = DigestCard.Message(Night, [night[0]]);
            unknown["attachments"]![0]!["content"]!["body"]!.AsArray().Add(new JsonObject { ["type"] = "Rating", ["value"] = 4, ["max"] = 5 });
            yield return (UnknownElement, unknown);
        }

        private static List<DigestItem> NightItems() =>
        [
            Overdue("o1", "Kartläggning av arbetsintegrerande sociala företag i Skärholmen och Älvsjö", "Arbetsmarknadsnämnden", "Anna Lindqvist", 20, 12, "AMN 2015-0340-01.02"),
            Overdue("o2", HostileTitle, "Socialnämnden", "Örjan Ekström", 31, 3, null),
            Overdue("o3", "Utbildningsinsats om sociala hänsyn i upphandling för stadens inköpare", "Kommunstyrelsen", "Märta Öberg", 45, 45, "KS 2025/1187", escalatedAfter: 14),
            Item(new("d1", NotificationEvents.PlanItemDueSoon, "PlanItems", "21", "Ta fram vägledning för reserverade kontrakt", "5", [], Url("PlanItems", 21), Detected,
                new PlanItemNotice(new DateOnly(2026, 12, 9), -7, "Serviceförvaltningen", "SF 2026/0412")), "Åsa Sjögren"),
            Item(new("d2", NotificationEvents.PlanItemDueSoon, "PlanItems", "22", "Dialogmöte med Skäggetorps återbruk om praktikplatser", "6", [], Url("PlanItems", 22), Detected,
                new PlanItemNotice(Night, 0, "Arbetsmarknadsförvaltningen", null)), "Jonas Häll"),
            Item(new("m1", NotificationEvents.MeetingNoteAdded, "MeetingNotes", "8", "Minnesanteckningar nätverksmöte 1 december", null,
                [new("Mötesdatum", "2026-12-01"), new("Version", "2.0")], Url("MeetingNotes", 8), Detected), "Lena Bäck"),
            Item(new("r1", NotificationEvents.RegisterWarning, "Register", "77", "Återbruket i Högdalen ekonomisk förening", null,
                [new("Organisationsnummer", "769612-3456"), new("Varning", "Organisationsnumret saknas i Bolagsverkets register")], Url("Register", 77), Detected), null),
            Item(new("p1", NotificationEvents.DataProblemFound, "PlanItems", "31", "Workshop om sociala kriterier", "7",
                [new("Lista", "Handlingsplan"), new("Att rätta", "Slutdatum saknas. Fyll i kolumnen Slutdatum.")], Url("PlanItems", 31), Detected), "Anna Lindqvist"),
            Item(new("p2", NotificationEvents.DataProblemFound, "MeetingNotes", "01UUC733", "Arbetsgruppens anteckningar.docx", null,
                [new("Lista", "Mötesanteckningar"), new("Att rätta", "Filens innehåll är inte en riktig docx-fil, eller så är den skadad. Öppna den, spara den på nytt och ladda upp den igen.")],
                Url("MeetingNotes", 9), Detected), null),
            Item(new("p3", NotificationEvents.DataProblemReminder, "Agreements", "13", "Avtal, rad 13", null,
                [new("Lista", "Avtal med staden"), new("Att rätta", "Avtalsformen 'Ramavtal' finns inte. Välj en av: IOP, Reserverad upphandling, Direktupphandling, Övrigt."), new("Sedan", "2026-11-18")],
                Url("Agreements", 13), Detected), null),
            Item(new("a1", NotificationEvents.AssignmentEditReverted, "BudgetAssignments", "4", "Öka andelen upphandlingar med sociala hänsyn", null,
                [new("Kolumner", "Status, Slutdatum"), new("Diarienummer", "AMN 2021-0112-1.2"), new("Varför", "Ärendesystemet äger de här kolumnerna, så ändringen skrevs över. Ändra i ärendet i stället, eller skriv i kolumnen Kommentar.")],
                Url("Budgetuppdrag", 4), Detected), null),
        ];

        private static readonly DateTimeOffset Detected = new(2026, 12, 2, 2, 0, 0, TimeSpan.Zero);

        private static DigestItem Overdue(string id, string title, string body, string owner, int daysLate, int itemId, string? caseNumber, int? escalatedAfter = null) =>
            Item(new(id, NotificationEvents.PlanItemOverdue, "PlanItems", id, title, "7", [], Url("PlanItems", itemId), Detected,
                new PlanItemNotice(Night.AddDays(-daysLate), daysLate, body, caseNumber, escalatedAfter)), owner);

        private static DigestItem Item(NotificationMessage message, string? owner) =>
            DigestItemMapper.ToItem(message, owner, DigestItemMapper.SafeLink(message.WebUrl));

        private static string Url(string list, int id) =>
            $"https://stockholmstad.sharepoint.com/sites/handlingsplan/Lists/{list}/DispForm.aspx?ID={id}";
    }

    public sealed record CardReport(
        string? Threw,
        IReadOnlyList<string> ParseEvents,
        IReadOnlyList<string> ValidationEvents,
        IReadOnlyDictionary<string, int> JsonElements,
        IReadOnlyDictionary<string, int> RenderedElements,
        IReadOnlyList<string> Dropped,
        string Text,
        IReadOnlyList<CardLink> Links,
        IReadOnlyList<string> Formatting,
        IReadOnlyList<string> Console);

    public sealed record CardLink(string Href, string Text);
}
