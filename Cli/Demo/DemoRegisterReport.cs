using Azure.Data.Tables;
using Integration.Core.Agreements;
using Integration.Core.Enterprises;
using Integration.Core.Indicators;
using Integration.Core.PlanItems;
using Integration.Core.Registry;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Demo;

/// <summary>
/// The register after a night, as the network and the city's integration team would read it: what
/// was taken in, what went to quarantine and why (a personal identity number only ever masked, as
/// the reasons are written), what the company register said, the day's indicators, and the plan
/// items' goals as the SharePoint list now shows them.
/// </summary>
internal static class DemoRegisterReport
{
    public static async Task WriteAsync(IServiceProvider provider, SharePointList enterpriseList, SharePointList agreementList, SharePointList planItems, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var storage = provider.GetRequiredService<IntegrationStorage>();
        var enterprises = await LiveAsync(storage, TableNames.Enterprises, EnterpriseStore.Partition, ["RowKey", "Name", "WiseCriteriaMet"], ct);
        var agreements = await LiveAsync(storage, TableNames.Agreements, AgreementStore.Partition, ["RowKey"], ct);
        var answers = await LiveAsync(storage, TableNames.RegistryAnswers, RegistryCheck.Partition, ["RowKey", "OrganisationNumber", "Status", "Name", "Since"], ct);

        output.WriteLine();
        output.WriteLine($"Social-enterprise register: the list '{enterpriseList.DisplayName}' holds {enterpriseList.LiveIds().Length} enterprises, '{agreementList.DisplayName}' {agreementList.LiveIds().Length} agreements.");
        output.WriteLine($"  taken in: {enterprises.Count} enterprises ({enterprises.Values.Count(e => e.GetBoolean("WiseCriteriaMet") == true)} meet Tillväxtverket's criteria), {agreements.Count} agreements");
        output.WriteLine($"  checked against Bolagsverket's register (the stand-in): {answers.Count} answers kept, " +
            $"{answers.Values.Count(a => RegistryCheck.IsWarning(a.GetString("Status") ?? ""))} calling an enterprise deregistered, bankrupt or in liquidation");

        output.WriteLine("Quarantined from the register (fix these in SharePoint; a personal identity number is shown masked):");
        var quarantine = provider.GetRequiredService<QuarantineStore>();
        foreach (var source in new[] { EnterprisesModule.Source, AgreementsModule.Source })
        {
            // The reasons as stored, as the plan items' are shown above: a reason never holds a personal
            // identity number in clear, and the value it quotes is what the network must fix.
            var entries = new List<(string Id, string Reason)>();
            await foreach (var row in quarantine.ListAsync(source, ct))
            {
                if (row.GetBoolean(QuarantineStore.OpenColumn) != false) entries.Add((row.GetString("ItemId") ?? row.RowKey, row.GetString("Reason") ?? ""));
            }

            foreach (var (id, reason) in entries.OrderBy(e => e.Id.Length).ThenBy(e => e.Id, StringComparer.Ordinal))
            {
                output.WriteLine($"  {source} item {id}: {reason}");
            }
        }

        output.WriteLine("Register warnings (an enterprise with an active agreement that the register no longer counts as trading; in the channel digest above):");
        foreach (var (id, answer) in answers.Where(a => RegistryCheck.IsWarning(a.Value.GetString("Status") ?? "")))
        {
            var name = enterprises.TryGetValue(id, out var row) ? row.GetString("Name") : id;
            output.WriteLine($"  {name}, {answer.GetString("OrganisationNumber")}: {answer.GetString("Status")} since {answer.GetString("Since")} " +
                $"(in the register as '{answer.GetString("Name")}')");
        }

        var figures = await provider.GetRequiredService<IndicatorStore>().LoadDayAsync(today, ct);
        output.WriteLine($"Indicators for {IndicatorStore.DayKey(today)} (the Indicators table; run-once --json carries them):");
        RunOnce.SummaryPrinter.WriteIndicators(figures, output, indent: "  ");

        output.WriteLine("Plan-item goals that name an indicator (the IndicatorValue column, as the SharePoint list now shows it):");
        foreach (var id in planItems.LiveIds())
        {
            var fields = planItems.GetFields(id)!;
            if (fields.GetValueOrDefault(PlanItemColumns.IndicatorValue) is not { } value || value.ToString() is not { Length: > 0 } text) continue;
            output.WriteLine($"  item {id} {fields.GetValueOrDefault(PlanItemColumns.Title)}: {text}");
        }
    }

    /// <summary>The partition's rows that are in the register now: not deleted, not in quarantine.</summary>
    private static async Task<Dictionary<string, TableEntity>> LiveAsync(IntegrationStorage storage, string tableName, string partition, string[] columns, CancellationToken ct)
    {
        var table = await storage.TableAsync(tableName, ct);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        string[] select = [.. columns, SourceTable.IsDeletedColumn, SourceTable.InQuarantineColumn];
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: select, cancellationToken: ct))
        {
            if (row.GetBoolean(SourceTable.IsDeletedColumn) == true || row.GetBoolean(SourceTable.InQuarantineColumn) == true) continue;
            rows[row.RowKey] = row;
        }

        return rows;
    }
}
