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

    /// <summary>
    /// A night on a feed that loops as <paramref name="loop"/> says, after a night that stored a
    /// checkpoint and a change it would read: it fails naming the source, and leaves that checkpoint.
    /// </summary>
    private async Task<(Exception Error, DeltaCheckpoint Before)> LoopingNightAsync(PageLoop loop)
    {
        for (var i = 0; i < 3; i++) Harness.List.AddPlanItem($"Aktivitet {i}", Anna, NextMonth);
        await Harness.SyncAsync("night-1");
        var before = (await CheckpointAsync())!;
        Harness.List.AddPlanItem("Ny aktivitet", Omar, NextMonth);
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.Graph.Requests.Clear();
        Harness.Graph.Faults.LoopPages(loop, pathContains: "delta");

        var error = await FailingNightAsync("night-2");

        Assert.StartsWith("PlanItems: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CheckpointAsync());
        return (error, before);
    }

    [Fact]
    public async Task ANextLinkBackToTheSamePageStopsTheNightAtTheRepeatAndKeepsTheCheckpoint()
    {
        var (error, before) = await LoopingNightAsync(PageLoop.SamePage);

        Assert.Contains("the same @odata.nextLink again", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, DeltaRequests());

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
        var (error, _) = await LoopingNightAsync(PageLoop.Endless);

        Assert.Contains($"reached {MaxPages} pages", error.Message, StringComparison.Ordinal);
        Assert.Contains("raise SharePoint__MaxPages", error.Message, StringComparison.Ordinal);
        Assert.Equal(MaxPages, DeltaRequests());
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
