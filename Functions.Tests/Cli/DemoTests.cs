using Integration.Cli.Demo;

namespace Integration.Functions.Tests.Cli;

/// <summary>The demo as a person runs it: its own Azurite and stand-ins, two nights, what it prints.</summary>
public class DemoTests
{
    [Fact]
    public async Task ArchivesAndRegistersTheNotesPublishesTheAssignmentsQuarantinesTheBadFileAndChangesNothingTheSecondNight()
    {
        using var output = new StringWriter();
        var progress = new List<string>();

        var exitCode = await DemoCommand.RunAsync(verbose: false, output, progress.Add, CancellationToken.None);

        var text = output.ToString();
        Assert.True(exitCode == 0, text + string.Join('\n', progress));
        Assert.Contains("case registration  succeeded  registered 2, alreadyRegistered 0, failed 0", text, StringComparison.Ordinal);
        Assert.Contains("Nätverksmöte – upphandling & sociala företag.docx", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("document AMN 2021-0112-1.4:").Length - 1);
        Assert.Contains("The file's bytes are not a zip package", text, StringComparison.Ordinal);
        Assert.Contains("Meeting notes: read 0, archived 0, registered 0; 2 document(s) on AMN 2021-0112-1.4", text, StringComparison.Ordinal);
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
    }
}
