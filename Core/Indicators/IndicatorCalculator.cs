using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.Agreements;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.Sync;
using Microsoft.Extensions.Options;

namespace Integration.Core.Indicators;

/// <summary>
/// The figures the plan's goals follow, computed from the live rows of the Enterprises and
/// Agreements tables (not deleted, not in quarantine) for today in Stockholm
/// (<c>Overdue__TimeZone</c>). An agreement counts only while its enterprise is live too.
/// An agreement is active on a day from its <c>StartDate</c> to its <c>EndDate</c>, both included;
/// without an end it runs until further notice. A deployment without the agreements feature has the
/// enterprise figures only.
/// </summary>
public sealed class IndicatorCalculator(EnterpriseStore enterprises, NetworkCalendar calendar, AgreementStore? agreements = null)
{
    public const string EnterprisesTotal = "enterprises.total";
    public const string EnterprisesWise = "enterprises.wise";
    public const string EnterprisesWithActiveAgreement = "enterprises.withActiveAgreement";
    public const string AgreementsActive = "agreements.active";
    public const string AgreementsNewThisYear = "agreements.newThisYear";
    public const string ByTypePrefix = "agreements.byType.";
    public const string ValuePrefix = "agreements.value.";
    public const string ByBoardPrefix = "agreements.value.byBoard.";

    /// <summary>The board name used for an agreement whose list item names none.</summary>
    public const string NoBoard = "unspecified";

    public DateOnly Today() =>
        calendar.Today();

    public async Task<IndicatorSnapshot> ComputeAsync(CancellationToken ct)
    {
        var today = Today();
        var live = await LiveEnterprisesAsync(ct);
        if (agreements is null) return new IndicatorSnapshot(today, EnterpriseFigures(live));
        var rows = await LiveAgreementsAsync(agreements, live, ct);
        return new IndicatorSnapshot(today, Compute(today, live, rows));
    }

    /// <summary>The figures for <paramref name="today"/>: live enterprise id → whether it meets the criteria, and the live agreements.</summary>
    public static IReadOnlyDictionary<string, double> Compute(DateOnly today, IReadOnlyDictionary<string, bool> enterprises, IReadOnlyList<AgreementRow> agreements)
    {
        var year = today.Year;
        var active = agreements.Where(a => a.IsActiveOn(today)).ToList();
        var values = EnterpriseFigures(enterprises);
        values[EnterprisesWithActiveAgreement] = active.Select(a => a.EnterpriseId).Distinct(StringComparer.Ordinal).Count();
        values[AgreementsActive] = active.Count;
        values[AgreementsNewThisYear] = agreements.Count(a => a.Start.Year == year);
        foreach (var type in Enum.GetValues<AgreementType>()) values[ByTypePrefix + TypeName(type)] = active.Count(a => a.Type == type);
        for (var y = year - 1; y <= year + 1; y++)
        {
            values[ValuePrefix + y.ToString(CultureInfo.InvariantCulture)] = agreements.Where(a => a.IsActiveIn(y)).Sum(a => a.YearlyValue);
        }

        foreach (var board in agreements.Where(a => a.IsActiveIn(year)).GroupBy(a => a.Board, StringComparer.Ordinal))
        {
            values[ByBoardPrefix + board.Key] = board.Sum(a => a.YearlyValue);
        }

        return values;
    }

    /// <summary>The type's name in an indicator: the enum name, camel-cased (<c>iop</c>, <c>reservedProcurement</c>, …).</summary>
    public static string TypeName(AgreementType type)
    {
        var name = type.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private async Task<Dictionary<string, bool>> LiveEnterprisesAsync(CancellationToken ct)
    {
        var table = await enterprises.TableAsync(ct);
        var live = new Dictionary<string, bool>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {EnterpriseStore.Partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", "WiseCriteriaMet", SourceTable.IsDeletedColumn, SourceTable.InQuarantineColumn], cancellationToken: ct))
        {
            if (IsLive(row)) live[row.RowKey] = row.GetBoolean("WiseCriteriaMet") == true;
        }

        return live;
    }

    private static SortedDictionary<string, double> EnterpriseFigures(IReadOnlyDictionary<string, bool> enterprises) => new(StringComparer.Ordinal)
    {
        [EnterprisesTotal] = enterprises.Count,
        [EnterprisesWise] = enterprises.Count(e => e.Value),
    };

    private static async Task<List<AgreementRow>> LiveAgreementsAsync(AgreementStore agreements, Dictionary<string, bool> liveEnterprises, CancellationToken ct)
    {
        var table = await agreements.TableAsync(ct);
        var rows = new List<AgreementRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AgreementStore.Partition}");
        string[] columns = ["RowKey", "EnterpriseId", "AgreementType", "BuyingBoard", "YearlyValue", "StartDate", "EndDate", SourceTable.IsDeletedColumn, SourceTable.InQuarantineColumn];
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: ct))
        {
            if (!IsLive(row)) continue;
            var enterprise = row.GetString("EnterpriseId");
            if (enterprise is null || !liveEnterprises.ContainsKey(enterprise)) continue;
            if (!Enum.TryParse<AgreementType>(row.GetString("AgreementType"), out var type)) continue;
            if (!TryDate(row.GetString("StartDate"), out var start)) continue;
            DateOnly? end = TryDate(row.GetString("EndDate"), out var e) ? e : null;
            var board = row.GetString("BuyingBoard");
            rows.Add(new AgreementRow(row.RowKey, enterprise, type, string.IsNullOrWhiteSpace(board) ? NoBoard : board.Trim(), row.GetDouble("YearlyValue") ?? 0, start, end));
        }

        return rows;
    }

    private static bool IsLive(TableEntity row) =>
        row.GetBoolean(SourceTable.IsDeletedColumn) != true && row.GetBoolean(SourceTable.InQuarantineColumn) != true;

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>A live agreement as the indicators see it.</summary>
public sealed record AgreementRow(string Id, string EnterpriseId, AgreementType Type, string Board, double YearlyValue, DateOnly Start, DateOnly? End)
{
    public bool IsActiveOn(DateOnly day) => Start <= day && (End is null || End >= day);

    /// <summary>Active on at least one day of the year.</summary>
    public bool IsActiveIn(int year) => Start.Year <= year && (End is null || End.Value.Year >= year);
}

/// <summary>The indicators of one Stockholm day.</summary>
public sealed record IndicatorSnapshot(DateOnly Day, IReadOnlyDictionary<string, double> Values);
