using System.Text.Json;
using Integration.Cli.Quarantine;
using Integration.Core.PlanItems;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Sync;

/// <summary>Quarantine that tracks open problems: an entry stays open while its item is bad, and is resolved, kept as history, when the item comes back valid or goes.</summary>
public class QuarantineResolutionTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static DateOnly Today => new(2026, 11, 27);

    private async Task<Dictionary<string, Azure.Data.Tables.TableEntity>> EntriesAsync() =>
        await Harness.Get<QuarantineStore>().ListAsync(PlanItemsModule.Source).ToDictionaryAsync(e => e.GetString("ItemId"));

    private async Task<JsonElement> ListAsync()
    {
        using var output = new StringWriter();
        Assert.Equal(0, await QuarantineListCommand.RunAsync(Harness.Configuration, PlanItemsModule.Source, json: true, output, TextWriter.Null, CancellationToken.None));
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }

    [Fact]
    public async Task AnEntryStaysOpenWithItsFirstSightingAndIsResolvedWhenTheItemIsFixedOrDeleted()
    {
        var fixedLater = Harness.List.AddPlanItem("Status rättas", Anna, Today.AddDays(5), status: "Väntar på Anna Lindqvist");
        var deletedLater = Harness.List.AddPlanItem("Tas bort", Omar, null);
        var stillBad = Harness.List.AddPlanItem("Förblir fel", Omar, Today.AddDays(5), status: "Okänd");
        await Harness.SyncAsync("night-1");
        var first = await EntriesAsync();
        Assert.Equal(3, first.Count);

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.List.Update(stillBad, new Dictionary<string, object?> { ["Title"] = "Förblir fel, ny titel" });
        Harness.List.Update(fixedLater, new Dictionary<string, object?> { ["Status"] = "Pågår / In progress" });
        Harness.List.Delete(deletedLater);
        var night = await Harness.SyncAsync("night-2");

        Assert.Equal((3, 1, 1, 1), (night.Read, night.Created, night.Deleted, night.Quarantined));
        var entries = await EntriesAsync();
        Assert.Equal(3, entries.Count);
        Assert.Equal(false, entries[fixedLater.ToString(System.Globalization.CultureInfo.InvariantCulture)].GetBoolean(QuarantineStore.OpenColumn));
        Assert.Equal("night-2", entries[fixedLater.ToString(System.Globalization.CultureInfo.InvariantCulture)].GetString("ResolvedRunId"));
        Assert.Equal(false, entries[deletedLater.ToString(System.Globalization.CultureInfo.InvariantCulture)].GetBoolean(QuarantineStore.OpenColumn));
        var open = entries[stillBad.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        Assert.Equal(true, open.GetBoolean(QuarantineStore.OpenColumn));
        Assert.Equal(first[stillBad.ToString(System.Globalization.CultureInfo.InvariantCulture)].GetDateTimeOffset("FirstSeen"), open.GetDateTimeOffset("FirstSeen"));
        // Refused for the same reason: the entry is left as it was, so the echo of the night's own
        // data-problem text (or an edit that fixed nothing) writes nothing.
        Assert.Equal(first[stillBad.ToString(System.Globalization.CultureInfo.InvariantCulture)].GetDateTimeOffset("QuarantinedAt"), open.GetDateTimeOffset("QuarantinedAt"));

        var listed = await ListAsync();
        Assert.Equal(1, listed.GetProperty("open").GetInt32());
        var entry = Assert.Single(listed.GetProperty("entries").EnumerateArray());
        Assert.Equal(stillBad.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("itemId").GetString());
        Assert.Equal("Status '…' is not one of the accepted values (see SharePoint__PlanItemStatuses).", entry.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AFixedItemIsNotListedAndNoNameFromAReasonIsShown()
    {
        var item = Harness.List.AddPlanItem("Status rättas", Anna, Today.AddDays(5), status: "Väntar på Anna Lindqvist");
        await Harness.SyncAsync("night-1");
        using var before = new StringWriter();
        await QuarantineListCommand.RunAsync(Harness.Configuration, null, json: false, before, TextWriter.Null, CancellationToken.None);

        Harness.List.Update(item, new Dictionary<string, object?> { ["Status"] = "Klar / Done" });
        await Harness.SyncAsync("night-2");
        using var after = new StringWriter();
        await QuarantineListCommand.RunAsync(Harness.Configuration, null, json: false, after, TextWriter.Null, CancellationToken.None);

        Assert.Contains("1 item(s) in quarantine", before.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Anna Lindqvist", before.ToString(), StringComparison.Ordinal);
        Assert.Equal("Nothing is in quarantine." + Environment.NewLine, after.ToString());
    }
}
