using Integration.Cli.Demo;

namespace Integration.Functions.Tests.Cli;

/// <summary>The demo as a person runs it: its own Azurite and stand-ins, two nights, what it prints.</summary>
public class DemoTests
{
    [Fact]
    public async Task ArchivesAndRegistersTheNotesPublishesTheAssignmentsQuarantinesTheBadFileShowsTheDigestsAndChangesNothingTheSecondNight()
    {
        using var output = new StringWriter();
        var progress = new List<string>();

        var reports = Directory.CreateTempSubdirectory("demo-report-");
        var exitCode = await DemoCommand.RunAsync(verbose: false, output, progress.Add, CancellationToken.None, reports.FullName);

        var text = output.ToString();

        // The status report: twelve weeks of history said so, this week's PDF next to where it ran, the card as text.
        Assert.Contains("Status report (lägesrapport): seeded 12 weeks of indicator history before today (84 days,", text, StringComparison.Ordinal);
        var pdf = Assert.Single(reports.GetFiles("Lägesrapport *-v*.pdf"));
        Assert.Contains($"Wrote {pdf.FullName} (", text, StringComparison.Ordinal);
        Assert.True(pdf.Length > 10_000, $"{pdf.Length} bytes");
        Assert.Contains("  Veckans läge – vecka ", text, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    Försenade aktiviteter: \d+, [^\n]*sedan förra veckan \((Grön|Gul|Röd)\)", text);
        Assert.True(exitCode == 0, text + string.Join('\n', progress));
        Assert.Contains("case registration  succeeded  registered 2, alreadyRegistered 0, failed 0", text, StringComparison.Ordinal);
        Assert.Contains("Nätverksmöte – upphandling & sociala företag.docx", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("document AMN 2021-0112-1.4:").Length - 1);
        Assert.Contains("The file's bytes are not a zip package", text, StringComparison.Ordinal);
        Assert.Contains("Meeting notes: read 3 (the document numbers and the problem text the first night wrote on the files, coming back), archived 0, registered 0; 2 document(s) on AMN 2021-0112-1.4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("anna.lindqvist", text, StringComparison.Ordinal);

        // The budget assignments, as the SharePoint list shows them, with the plan items that follow from each.
        // The night's own link counts depend on whether the plan items synced before the assignments
        // (sources run side by side); the report after the night reads both tables as they are then.
        Assert.Contains("overwritten 0, published 3, ", text, StringComparison.Ordinal);
        Assert.Contains("withoutDeadline 1", text, StringComparison.Ordinal);
        Assert.Contains("budget 2021; Avslutat; deadline 2021-03-31", text, StringComparison.Ordinal);
        Assert.Contains("follows from it: item 1 Kartlägga stadens inköp", text, StringComparison.Ordinal);
        Assert.Contains("no deadline (published without one", text, StringComparison.Ordinal);
        Assert.Contains("Open plan items under a closed assignment (close them or move them):\n  item 4 Dialogmöte", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("does not have (fix the Budgetuppdrag column):\n  item 8 Informationsmöte", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("published 0; 0 POST and 0 PATCH to the list 'Budgetuppdrag' (the first run: 3 POST)", text, StringComparison.Ordinal);

        // Teams: the channel digest as its readers see it, one personal notification per person to a
        // masked address, the escalated item to the coordinator too, and nothing sent the second night.
        Assert.Contains("notifications      succeeded  channelPosts 1, personal 4, failed 0", text, StringComparison.Ordinal);
        Assert.Contains("Channel digest through the Teams Workflows webhook: 1 post(s)", text, StringComparison.Ordinal);
        Assert.Contains("bytes, 0 problem(s) the flow would meet.", text, StringComparison.Ordinal);
        var digest = text.ReplaceLineEndings("\n");
        Assert.Contains("  Försenade aktiviteter: 2\n    - Kartlägga stadens inköp från arbetsintegrerande sociala företag", digest, StringComparison.Ordinal);
        Assert.Contains("      Eskalerad: till samordnaren (försenad mer än 14 dagar)", text, StringComparison.Ordinal);
        Assert.Contains("  Aktiviteter som förfaller snart: 2\n    - Utbildning i reserverad upphandling för stadens inköpare", digest, StringComparison.Ordinal);
        Assert.Contains("Personal notifications in the Teams activity feed: 4, one per person.", text, StringComparison.Ordinal);
        // Anna's two dated items and the one she owns without a due date; Omar's overdue item and the one with an unknown status.
        // Each owner's items and their problems, the warnings of items under a closed or unknown assignment among them.
        Assert.Contains("to a***@natverket.example: 4 händelser i nätverket behöver din uppmärksamhet", text, StringComparison.Ordinal);
        Assert.Contains("to o***@natverket.example: 2 händelser i nätverket behöver din uppmärksamhet", text, StringComparison.Ordinal);
        Assert.Contains("to k***@natverket.example: 2 händelser i nätverket behöver din uppmärksamhet", text, StringComparison.Ordinal);
        Assert.Contains("to s***@natverket.example: Eskalerad, försenad 20 dagar: Kartlägga stadens inköp från arbetsintegrerande sociala företag", text, StringComparison.Ordinal);
        Assert.Contains("Teams: channel posts 0, personal notifications 0; 0 post(s) to the webhook and 0 to the activity feed this night (the first night: 1 and 4).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("omar.haddad", text, StringComparison.Ordinal);
        Assert.DoesNotContain("samordnare@", text, StringComparison.Ordinal);

        // The register: validated, the deregistered enterprise warned about, the indicators, the goals; nothing the second night.
        Assert.Contains("the list 'Sociala företag' holds 22 enterprises, 'Avtal med staden' 13 agreements.", text, StringComparison.Ordinal);
        Assert.Contains("taken in: 16 enterprises (13 meet Tillväxtverket's criteria), 10 agreements", text, StringComparison.Ordinal);
        Assert.Contains("16 answers kept, 1 calling an enterprise deregistered", text, StringComparison.Ordinal);
        Assert.Contains("Enterprises item 17: Organisation number (column OrganisationNumber): Not an organisation number: the check digit", text, StringComparison.Ordinal);
        Assert.Contains("Enterprises item 20: Organisation number 121212-**** is a personal identity number", text, StringComparison.Ordinal);
        Assert.Contains("Enterprises item 21: Duplicate: items 21, 22 all have the number 559900-1871.", text, StringComparison.Ordinal);
        Assert.Contains("Enterprises item 22: Duplicate: items 21, 22", text, StringComparison.Ordinal);
        Assert.Contains("Agreements item 11: Enterprise (item 21 of the enterprise list) is in quarantine.", text, StringComparison.Ordinal);
        Assert.Contains("Agreements item 12: EndDate", text, StringComparison.Ordinal);
        Assert.Contains("Agreements item 13: AgreementType 'Ramavtal' is not one of the accepted values", text, StringComparison.Ordinal);
        Assert.Contains("  Tryckeriet Telefonplan, 559900-1764: Deregistered since ", text, StringComparison.Ordinal);
        Assert.Contains("  Varningar i registret över sociala företag: 1\n    - Tryckeriet Telefonplan\n      Organisationsnummer: 559900-1764\n      Status i registret: Avregistrerad", digest, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  enterprises\.total +16$", digest);
        Assert.Matches(@"(?m)^  enterprises\.wise +13$", digest);
        Assert.Matches(@"(?m)^  enterprises\.withActiveAgreement +8$", digest);
        Assert.Matches(@"(?m)^  agreements\.active +8$", digest);
        Assert.Matches(@"(?m)^  agreements\.byType\.reservedProcurement +3$", digest);
        Assert.Contains("item 1 Kartlägga stadens inköp från arbetsintegrerande sociala företag: 8 (mål ≥ 25, ej uppnått)", text, StringComparison.Ordinal);
        Assert.Contains("item 3 Utbildning i reserverad upphandling för stadens inköpare: 3 (mål ≥ 3, uppnått)", text, StringComparison.Ordinal);
        Assert.Contains("item 4 Dialogmöte med Arbetsförmedlingen om lönestöd i sociala företag: Okänd indikator: genomförda dialogmöten", text, StringComparison.Ordinal);
        // The second night: the six refused enterprises and three agreements come back carrying the first
        // night's problem texts and change nothing; the agreement fixed in SharePoint is taken in.
        Assert.Matches(@"Register: enterprises read 6 \(the problem texts the first night wrote, coming back\), created 0, updated 0; agreements read 3, created 1, updated 0; registry lookups 0 \(answers still fresh: 16\), register warnings 0;", text);

        // Data problems: written on the items in Swedish the first night, two fixed between the nights and cleared, nothing else written.
        Assert.Contains("The column Att rätta (DataProblem) in SharePoint, as the night wrote it:", text, StringComparison.Ordinal);
        Assert.Contains("item 9 Uppföljning av **mål 3** i nätverket: Status 'Väntar' finns inte. Välj en av: Ej påbörjad, Pågår, Klar, Avbruten.", text, StringComparison.Ordinal);
        Assert.Contains("item 10 Workshop om sociala kriterier: Slutdatum saknas. Fyll i kolumnen Slutdatum.", text, StringComparison.Ordinal);
        Assert.Contains("Data problems the second night: cleared 2 (Handlingsplan item 10, Avtal med staden item 12), written 0; still open in SharePoint 12. The first night's own writes came back through delta and changed nothing.", text, StringComparison.Ordinal);
        Assert.Contains("  Att rätta i SharePoint: 16\n", digest, StringComparison.Ordinal);
        Assert.Contains("    - Arbetsgruppens anteckningar.docx\n      Lista: Mötesanteckningar\n      Att rätta: Filens innehåll är inte en riktig docx-fil", digest, StringComparison.Ordinal);
        Assert.Contains("    - Avtal, rad 11\n      Lista: Avtal med staden", digest, StringComparison.Ordinal);
        // New notes announced once each, with the number the case system gave them; the quarantined one named by its file name.
        Assert.Contains("  Nya minnesanteckningar: 2\n    - Nätverksmöte – upphandling & sociala företag.docx", digest, StringComparison.Ordinal);
        Assert.Contains("      Diariefört som: AMN 2021-0112-1.4:", digest, StringComparison.Ordinal);
        Assert.Matches(@"item \w+ 'Arbetsgruppens anteckningar\.docx': The file's bytes are not a zip package", text);

        // The demo's site is as provision would make it.
        Assert.Contains("provision --check: exit 0, every list, library and column as the settings describe them.", text, StringComparison.Ordinal);

        // The sole trader's personal identity number, in any of its forms, nowhere in clear.
        var everything = text + string.Join('\n', progress);
        foreach (var form in new[] { DemoRegister.SoleTraderNumber, "1212121212", "19121212", "121212+1212" })
        {
            Assert.DoesNotContain(form, everything, StringComparison.Ordinal);
        }
    }
}
