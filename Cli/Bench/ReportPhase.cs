using System.Diagnostics;
using Azure.Data.Tables;
using Integration.Core.Hosting;
using Integration.Core.Reports;
using Integration.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;

namespace Integration.Cli.Bench;

/// <summary>
/// The measured status-report phase, in a bench child process: the last whole week's report built
/// from the stores twice (cold, then warm), its pages counted, the process's peak working set taken.
/// </summary>
internal static class ReportPhase
{
    public const string Name = "report";

    public static async Task<PhaseResult> RunAsync(IConfiguration configuration, CancellationToken ct)
    {
        var tableRequests = new StorageRequestCounter();
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(configuration);
        services.ConfigureAll<TableClientOptions>(o => o.AddPolicy(tableRequests, Azure.Core.HttpPipelinePosition.PerCall));
        await using var provider = services.BuildServiceProvider();
        var builder = provider.GetRequiredService<StatusReportBuilder>();
        var week = builder.DefaultWeek();

        var clock = Stopwatch.StartNew();
        await builder.BuildAsync(week, ct);
        var cold = clock.Elapsed.TotalSeconds;
        tableRequests.Reset();
        clock.Restart();
        var report = await builder.BuildAsync(week, ct);
        var warm = clock.Elapsed.TotalSeconds;

        using var pdf = PdfReader.Open(new MemoryStream(report.Pdf), PdfDocumentOpenMode.Import);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return new PhaseResult(Name, warm, self.PeakWorkingSet64, tableRequests.Reads, tableRequests.Writes, tableRequests.Transactions,
            Read: report.Model.Headline.ItemsTotal, Created: 0, Updated: 0, Unchanged: 0, Deleted: 0, Quarantined: 0)
        {
            ColdSeconds = cold,
            Pages = pdf.PageCount,
            PdfBytes = report.Pdf.Length,
        };
    }
}
