using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.Hosting;
using Integration.Core.Indicators;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Emulators.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Bench;

/// <summary>
/// The status-report part of the benchmark: Azurite in a process of its own, seeded with a plan of
/// <c>items</c> plan items (some with a goal naming an indicator, spread over responsible bodies,
/// statuses and due dates) and <c>days</c> of daily series for <c>indicators</c> indicators; then
/// the report phase (<see cref="ReportPhase"/>) builds the last whole week's report twice in a
/// child process, so its peak working set is its own.
/// </summary>
internal sealed class ReportBench(Action<string> progress)
{
    public const int Bodies = 24;

    public async Task<ReportBenchRun> RunAsync(int items, int indicators, int days, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(indicators);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        progress("Status report: starting Azurite…");
        await using var azurite = await AzuriteServer.StartAsync(progress, ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", azurite.ConnectionString)]).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(configuration);
        await using var provider = services.BuildServiceProvider();
        var storage = provider.GetRequiredService<IntegrationStorage>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        progress($"Status report: seeding {items:N0} plan items and {days + 1:N0} days × {indicators} indicators ({(long)(days + 1) * indicators:N0} rows)…");
        await SeedPlanAsync(storage, items, indicators, today, ct);
        await SeedSeriesAsync(storage, indicators, days, today, ct);

        progress("Status report: building the report in a process of its own…");
        var result = await PhaseProcess.RunAsync(ReportPhase.Name, new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString }, ct);
        return new ReportBenchRun(items, indicators, days, result);
    }

    /// <summary>The indicator names: the plan's overdue count (the summary's change), then numbered ones.</summary>
    public static string Indicator(int i) => i == 0 ? PlanFigures.ItemsOverdue : string.Create(CultureInfo.InvariantCulture, $"bench.indicator.{i:00}");

    private static async Task SeedPlanAsync(IntegrationStorage storage, int items, int indicators, DateOnly today, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.PlanItems, ct);
        var batch = new List<TableTransactionAction>(TableBatch.MaxActions);
        var statuses = Enum.GetValues<PlanItemStatus>();
        for (var i = 1; i <= items; i++)
        {
            var status = statuses[i % statuses.Length];
            var due = today.AddDays(i % 400 - 200);
            var open = status.IsOpen();
            var entity = new PlanItemEntity
            {
                RowKey = i.ToString(CultureInfo.InvariantCulture),
                Title = string.Create(CultureInfo.InvariantCulture, $"Aktivitet {i} i handlingsplanen för arbetsintegrerande sociala företag"),
                Goal = i <= indicators ? string.Create(CultureInfo.InvariantCulture, $"Indikator: {Indicator(i - 1)} ≥ {100 + i}") : "Andel inköp från sociala företag",
                ResponsibleBody = string.Create(CultureInfo.InvariantCulture, $"Nämnd {i % Bodies + 1:00}"),
                OwnerLookupId = (i % 50 + 1).ToString(CultureInfo.InvariantCulture),
                DueDate = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Status = status.ToString(),
                IsOpen = open,
                BudgetAssignment = "AMN 2021-0031-1.1",
                Flag = open && due < today ? nameof(OverdueState.Overdue) : open && due <= today.AddDays(7) ? nameof(OverdueState.DueSoon) : "",
            };
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            if (batch.Count == TableBatch.MaxActions)
            {
                await TableBatch.SubmitAsync(table, batch, ct);
                batch.Clear();
            }
        }

        await TableBatch.SubmitAsync(table, batch, ct);
    }

    /// <summary>One partition per day, one row per indicator: a transaction a day.</summary>
    private static async Task SeedSeriesAsync(IntegrationStorage storage, int indicators, int days, DateOnly today, CancellationToken ct)
    {
        var store = new IndicatorStore(storage);
        var at = DateTimeOffset.UtcNow;
        for (var back = days; back >= 0; back--)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < indicators; i++) values[Indicator(i)] = Math.Round(50 + i + 60.0 * (days - back) / days + 5 * Math.Sin(back / 9.0 + i));
            await store.SaveAsync(new IndicatorSnapshot(today.AddDays(-back), values), at, ct);
        }
    }

    public static string Markdown(ReportBenchRun run, string command)
    {
        var r = run.Result;
        const double MiB = 1024 * 1024;
        string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        return $"""
            ## The weekly status report

            {PerformanceReport.Provenance(command)}
            Azurite (in memory) holds a plan of {run.Items:N0} items ({run.Indicators} of them with a goal naming an indicator, {Bodies} responsible bodies)
            and {run.Days:N0} days of daily series for {run.Indicators} indicators ({(long)(run.Days + 1) * run.Indicators:N0} rows). One process reads
            the last whole week's report from the stores and draws the PDF ({r.Pages} pages, {r.PdfBytes:N0} bytes: {run.Indicators} line charts
            over 12 months, the bar chart per body, 60 listed activities) twice: the first build pays for the JIT and the font; the second is what
            a Monday run in a warm host costs.

            | | seconds |
            |---|---:|
            | first build (cold) | {F(r.ColdSeconds)} |
            | second build | {F(r.Seconds)} |

            Peak working set of the process: {F(r.PeakWorkingSetBytes / MiB)} MiB. Table requests of the second build: {r.TableReads:N0} reads.
            Targets: at most 5 s and at most 250 MiB.
            """;
    }
}

/// <summary>What the status-report part measured.</summary>
public sealed record ReportBenchRun(int Items, int Indicators, int Days, PhaseResult Result);
