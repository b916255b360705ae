using Integration.Core.PlanItems;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Sync;

/// <summary>
/// A SharePoint whose paging never ends, through the real Graph SDK against the stand-in: the
/// night stops with an error that says why and how to go on, and keeps the last checkpoint.
/// </summary>
public class LoopingFeedTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const int MaxPages = 4;

    /// <summary>Long enough for a run that stops by itself; a run that never would fails here instead of hanging.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly DateOnly NextMonth = new(2026, 12, 27);

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["SharePoint:MaxPages"] = MaxPages.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private async Task<Exception> FailingNightAsync(string runId)
    {
        using var bound = new CancellationTokenSource(Bound);
        var sync = Harness.Services.GetServices<ISourceSync>().Single(s => s.Source == PlanItemsModule.Source);
        return await Assert.ThrowsAnyAsync<Exception>(() => sync.RunAsync(runId, bound.Token));
    }

    private Task<DeltaCheckpoint?> CheckpointAsync() => Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None);

    private int DeltaRequests() => Harness.Graph.Requests.Count("GET", "delta");

    /// <summary>A night that stored a checkpoint, then a change the next night would read.</summary>
    private async Task<DeltaCheckpoint> AfterAFirstNightAsync()
    {
        for (var i = 0; i < 3; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Anna, NextMonth);
        await Harness.SyncAsync("night-1");
        Harness.List.AddPlanItem("Ny aktivitet", Omar, NextMonth);
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        return (await CheckpointAsync())!;
    }

    [Fact]
    public async Task ANextLinkBackToTheSamePageStopsTheNightAtTheRepeatAndKeepsTheCheckpoint()
    {
        var before = await AfterAFirstNightAsync();
        Harness.Graph.Faults.LoopPages(PageLoop.SamePage, pathContains: "delta");

        var error = await FailingNightAsync("night-2");

        Assert.Contains("PlanItems", error.Message, StringComparison.Ordinal);
        Assert.Contains("@odata.nextLink", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, DeltaRequests());
        Assert.Equal(before, await CheckpointAsync());

        // Once SharePoint pages properly again, the night reads again from that checkpoint (the
        // row the failed night wrote is found as stored) and moves it on.
        Harness.Graph.Faults.Clear();
        var counts = await Harness.SyncAsync("night-3");
        Assert.Equal(1, counts.Read);
        Assert.Equal(4, (await Harness.StoredItemsAsync()).Count);
        Assert.NotEqual(before.DeltaLink, (await CheckpointAsync())!.DeltaLink);
    }

    [Fact]
    public async Task AFeedThatNeverEndsStopsAtTheCapNamingTheSettingToRaise()
    {
        var before = await AfterAFirstNightAsync();
        Harness.Graph.Faults.LoopPages(PageLoop.Endless, pathContains: "delta");

        var error = await FailingNightAsync("night-2");

        Assert.Contains("PlanItems", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{MaxPages} pages", error.Message, StringComparison.Ordinal);
        Assert.Contains("SharePoint__MaxPages", error.Message, StringComparison.Ordinal);
        Assert.Equal(MaxPages, DeltaRequests());
        Assert.Equal(before, await CheckpointAsync());
    }

    [Fact]
    public async Task AFeedAsLongAsTheCapIsReadToItsEnd()
    {
        // The harness pages by 5: 20 items are exactly four pages.
        for (var i = 0; i < MaxPages * 5; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Anna, NextMonth);

        var counts = await Harness.SyncAsync();

        Assert.Equal(MaxPages * 5, counts.Created);
        Assert.Equal(MaxPages, DeltaRequests());
        Assert.NotNull(await CheckpointAsync());
    }
}
