using Integration.Cli.Reset;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Cli;

/// <summary><c>reset &lt;source&gt;</c>: the next night reads the source in full, and no data goes.</summary>
public class ResetTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static DateOnly Today => new(2026, 11, 27);

    private async Task<(int Exit, string Output, string Error)> ResetAsync(string source, bool yes, string answer = "")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ResetCommand.RunAsync(Harness.Configuration, source, yes, new StringReader(answer), output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private async Task<bool> DigestExistsAsync() =>
        (await (await Harness.Get<IntegrationStorage>().ContainerAsync(ContainerNames.SyncState)).GetBlobClient("PlanItems.digest").ExistsAsync()).Value;

    [Fact]
    public async Task DeletesTheCheckpointAndDigestKeepsTheRowsAndTheNextNightReadsInFullWritingNothing()
    {
        Harness.List.AddPlanItem("Kartläggning", Anna, Today.AddDays(10));
        Harness.List.AddPlanItem("Utbildning", Omar, Today.AddDays(20));
        await Harness.SyncAsync("night-1");
        Assert.NotNull(await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None));
        Assert.True(await DigestExistsAsync());

        var checkpoints = Harness.Get<DeltaCheckpointStore>();
        await checkpoints.SaveAsync("PlanItems.list", new DeltaCheckpoint("x", "y", "link"), CancellationToken.None);
        await checkpoints.SaveAsync("PlanItemsOther", new DeltaCheckpoint("x", "y", "link"), CancellationToken.None);

        var (exit, output, _) = await ResetAsync(PlanItemsModule.Source, yes: true);

        Assert.Null(await checkpoints.GetAsync("PlanItems.list", CancellationToken.None));
        Assert.NotNull(await checkpoints.GetAsync("PlanItemsOther", CancellationToken.None));

        Assert.Equal(0, exit);
        Assert.Contains("PlanItems reset: checkpoint deleted, digest deleted", output, StringComparison.Ordinal);
        Assert.Null(await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None));
        Assert.False(await DigestExistsAsync());
        Assert.Equal(2, (await Harness.StoredItemsAsync()).Count);

        var next = await Harness.SyncAsync("night-2");

        Assert.Equal((2, 0, 0, 2), (next.Read, next.Created, next.Updated, next.Unchanged));
        Assert.NotNull(await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None));
    }

    [Theory]
    [InlineData("n", 1)]
    [InlineData("", 1)]
    [InlineData("ja", 0)]
    [InlineData("y", 0)]
    public async Task AsksFirstAndChangesNothingUnlessTheAnswerIsYes(string answer, int expected)
    {
        Harness.List.AddPlanItem("Kartläggning", Anna, Today.AddDays(10));
        await Harness.SyncAsync();

        var (exit, _, error) = await ResetAsync(PlanItemsModule.Source, yes: false, answer);

        Assert.Equal(expected, exit);
        Assert.Contains("Continue? [y/N]", error, StringComparison.Ordinal);
        Assert.Equal(expected == 1, await Harness.Get<DeltaCheckpointStore>().GetAsync(PlanItemsModule.Source, CancellationToken.None) is not null);
    }

    [Fact]
    public async Task AnUnknownSourceIsRefusedWithTheNamesThatExist()
    {
        var (exit, _, error) = await ResetAsync("Planitems2", yes: true);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown source 'Planitems2'; expected one of PlanItems, MeetingNotes", error, StringComparison.Ordinal);
    }
}
