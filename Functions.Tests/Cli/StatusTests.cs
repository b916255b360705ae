using System.Text.Json;
using Integration.Cli.Replay;
using Integration.Cli.RunOnce;
using Integration.Cli.Status;
using Integration.Core.Enterprises;
using Integration.Core.MeetingNotes;
using Integration.Core.Operations;
using Integration.Core.PlanItems;
using Integration.Core.Queues;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Functions.Tests.Harness;
using Integration.Functions.Tests.MeetingNotes;

namespace Integration.Functions.Tests.Cli;

/// <summary>
/// <c>status</c> as the on-call engineer uses it: a night with a failed step and a poisoned
/// message needs attention (exit 3); after <c>replay</c> and a rerun all is well (exit 0). The
/// nights run as <c>run-once</c> runs them, against the Graph and SIF stand-ins and Azurite.
/// </summary>
public class StatusTests(AzuriteFixture azurite) : CaseSystemTest(azurite)
{
    private readonly List<string> _progress = [];

    private Task<RunSummary> RunOnceAsync() =>
        new RunOnceRunner(Harness.Configuration, verbose: false, _progress.Add) { Timeout = TimeSpan.FromMinutes(2) }.RunAsync(CancellationToken.None);

    private async Task<(int Exit, JsonElement Json, string Table)> StatusAsync(int nights = 1)
    {
        using var json = new StringWriter();
        using var table = new StringWriter();
        var exit = await StatusCommand.RunAsync(Harness.Configuration, nights, json: true, json, CancellationToken.None);
        Assert.Equal(exit, await StatusCommand.RunAsync(Harness.Configuration, nights, json: false, table, CancellationToken.None));
        using var document = JsonDocument.Parse(json.ToString());
        return (exit, document.RootElement.Clone(), table.ToString());
    }

    [Fact]
    public async Task AFailedStepAndAPoisonMessageNeedAttentionUntilReplayAndARerunPutThemRight()
    {
        Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, new DateOnly(2027, 2, 1));
        Library.AddFile("Styrgruppsmöte.pdf", NoteFiles.Pdf("styrgrupp"), Columns());
        Sif.Faults.Unavailable(null, count: 10_000, retryAfter: TimeSpan.Zero);
        var failed = await RunOnceAsync();
        Assert.False(failed.Succeeded);

        var (exit, json, table) = await StatusAsync();

        Assert.Equal(StatusCommand.NeedsAttention, exit);
        var attention = json.GetProperty("attention").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Contains(attention, a => a.StartsWith($"CaseRegistration failed in run {failed.RunId}", StringComparison.Ordinal));
        Assert.Contains(attention, a => a.StartsWith("1 message(s) in case-registration-poison", StringComparison.Ordinal));
        var night = Assert.Single(json.GetProperty("nights").EnumerateArray());
        Assert.Equal((failed.RunId, false), (night.GetProperty("runId").GetString(), night.GetProperty("completed").GetBoolean()));
        var steps = night.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!);
        Assert.Equal("succeeded", steps[PlanItemsModule.Source].GetProperty("status").GetString());
        Assert.Equal(1, steps[PlanItemsModule.Source].GetProperty("counts").GetProperty("created").GetInt32());
        Assert.Equal("failed", steps["CaseRegistration"].GetProperty("status").GetString());
        Assert.Contains("case-registration-poison", steps["CaseRegistration"].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("skipped", steps[EnterprisesModule.Source].GetProperty("status").GetString());
        var registration = json.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queue").GetString() == QueueNames.CaseRegistration);
        Assert.Equal((0, 1), (registration.GetProperty("messages").GetInt32(), registration.GetProperty("poison").GetInt32()));
        var planItems = json.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == PlanItemsModule.Source);
        Assert.False(planItems.GetProperty("nextRunIsFull").GetBoolean());
        Assert.StartsWith("NEEDS ATTENTION (2):", table, StringComparison.Ordinal);
        Assert.Contains("CaseRegistration   FAILED", table, StringComparison.Ordinal);

        Sif.Faults.Clear();
        var replayed = await new ReplayRunner(Harness.Configuration, verbose: false, _progress.Add) { Timeout = TimeSpan.FromMinutes(2) }
            .RunAsync(QueueNames.CaseRegistration, CancellationToken.None);
        Assert.Equal(1, replayed.Succeeded);
        var rerun = await RunOnceAsync();
        Assert.True(rerun.Succeeded, string.Join('\n', _progress));

        var (after, afterJson, afterTable) = await StatusAsync(nights: 2);

        Assert.Equal(StatusCommand.AllWell, after);
        Assert.Empty(afterJson.GetProperty("attention").EnumerateArray());
        Assert.Equal([rerun.RunId, failed.RunId], afterJson.GetProperty("nights").EnumerateArray().Select(n => n.GetProperty("runId").GetString()));
        Assert.All(afterJson.GetProperty("queues").EnumerateArray(), q => Assert.Equal(0, q.GetProperty("poison").GetInt32()));
        Assert.StartsWith("All well.", afterTable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoNightForMoreThan26HoursAndASourceNotSyncedFor8DaysNeedAttention()
    {
        var runs = Harness.Get<SyncRunStore>();
        Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, new DateOnly(2027, 2, 1));
        await runs.SaveLatestNightAsync("night-1", CancellationToken.None);
        await Harness.SyncAsync("night-1");
        await runs.SaveAsync(new SyncRunRecord("night-1", PlanItemsModule.Source, SyncRunStatus.Succeeded, null, SyncRunRecord.NoCounts, 1, Harness.Time.GetUtcNow()), CancellationToken.None);
        var status = Harness.Get<OperationsStatus>();
        Assert.Empty((await status.ReadAsync(1, CancellationToken.None)).Attention);

        // Quiet nights write no checkpoint; a night that synced the source counts as synced.
        Harness.Time.Advance(TimeSpan.FromDays(7));
        await runs.SaveLatestNightAsync("night-8", CancellationToken.None);
        await runs.SaveAsync(new SyncRunRecord("night-8", PlanItemsModule.Source, SyncRunStatus.Succeeded, null, SyncRunRecord.NoCounts, 1, Harness.Time.GetUtcNow()), CancellationToken.None);
        Harness.Time.Advance(TimeSpan.FromDays(2));
        var report = await status.ReadAsync(1, CancellationToken.None);
        Assert.Equal(["No night has started since"], report.Attention.Select(a => a[..26]));
        Assert.Equal(TimeSpan.FromDays(2), report.Sources.Single(s => s.Source == PlanItemsModule.Source).CheckpointAge);

        Harness.Time.Advance(TimeSpan.FromDays(7));
        report = await status.ReadAsync(1, CancellationToken.None);
        Assert.Contains(report.Attention, a => a.StartsWith("PlanItems has not synced for 9 days", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Attention, a => a.StartsWith(MeetingNotesModule.Source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AScanWithoutTheNightsSyncNeedsAttention()
    {
        await Harness.Get<NightlyCycle>().CurrentRunIdAsync(CancellationToken.None);

        var report = await Harness.Get<OperationsStatus>().ReadAsync(1, CancellationToken.None);

        Assert.Contains(report.Attention, a => a.EndsWith("has no source step: the NightlySync timer did not start the night's sync.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AResetSourceIsShownAsReadInFullNextAndAFreshStoreHasNoNightYet()
    {
        var report = await Harness.Get<OperationsStatus>().ReadAsync(3, CancellationToken.None);

        Assert.Equal(["No night has run yet."], report.Attention);
        var planItems = report.Sources.Single(s => s.Source == PlanItemsModule.Source);
        Assert.Equal((true, true, "no checkpoint: the next night reads it in full"), (planItems.Configured, planItems.NextRunIsFull, planItems.Why));
        Assert.False(report.Sources.Single(s => s.Source == EnterprisesModule.Source).Configured);
    }
}
