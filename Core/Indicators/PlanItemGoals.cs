using Azure.Data.Tables;
using Integration.Core.Configuration;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Indicators;

/// <summary>
/// Puts each plan item whose <c>Goal</c> names an indicator (<see cref="IndicatorGoal"/>) against
/// the day's figure: the current value, the target and whether it is met go into the item's row of
/// the PlanItems table, and a short text (<c>18 (mål ≥ 25, ej uppnått)</c>) into its
/// <c>IndicatorValue</c> column in SharePoint. Both are written only when the text changed, so a
/// night whose figures stayed the same writes nothing. A goal that cannot be read, or names an
/// indicator there is none of, gets the reason in the column (in Swedish, for the network) and is
/// reported by id; a goal that no longer names an indicator has the column cleared.
/// </summary>
public sealed partial class PlanItemGoals(
    IntegrationStorage storage,
    DeltaCheckpointStore checkpoints,
    SharePointLists lists,
    SourceLocks locks,
    IOptions<SharePointOptions> sharePoint,
    ILogger<PlanItemGoals> logger)
{
    private readonly MappedColumn _column = new ColumnNames(sharePoint.Value, PlanItemColumns.List).Map(PlanItemColumns.IndicatorValue, written: true);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(sharePoint.Value.List(PlanItemsModule.Source));

    public async Task<GoalReport> ApplyAsync(IReadOnlyDictionary<string, double> figures, CancellationToken ct)
    {
        var report = new GoalReport();

        // The overdue scan replaces whole rows: one writer of the plan items at a time.
        await using var held = await locks.AcquireAsync(PlanItemsModule.Source, ct);

        // The list id comes from the sync's checkpoint: no checkpoint means no plan item stored yet.
        if (await checkpoints.GetAsync(PlanItemsModule.Source, ct) is not { } checkpoint) return report;

        var table = await storage.TableAsync(TableNames.PlanItems, ct);
        var changes = await ChangesAsync(table, figures, report, ct);
        if (changes.Count == 0) return report;

        // A misnamed column would fail every write with Graph's "not recognized": ask the list once
        // and name the setting instead.
        var listColumns = await lists.ListColumnsAsync(checkpoint.SourceId, ct);
        if (ColumnCheck.Problems([_column], listColumns) is { Count: > 0 } problems)
        {
            report.ColumnProblem = problems[0].Text;
            report.Failed = changes.Count;
            return report;
        }

        var (written, failed) = await WriteAsync(checkpoint.SourceId, changes, ct);

        // Only after SharePoint has the text: a crash in between writes it again next night, the same text.
        var merges = written.Select(c => new TableTransactionAction(TableTransactionActionType.UpdateMerge, c.Outcome.ToColumns(c.ItemId), Azure.ETag.All)).ToList();
        if (merges.Count > 0) await TableBatch.SubmitAsync(table, merges, ct);
        report.Written = merges.Count;
        report.Failed = failed;
        return report;
    }

    /// <returns>The items whose column text is not the one stored.</returns>
    private static async Task<List<GoalChange>> ChangesAsync(TableClient table, IReadOnlyDictionary<string, double> figures, GoalReport report, CancellationToken ct)
    {
        var byName = new Dictionary<string, double>(figures, StringComparer.OrdinalIgnoreCase);
        var changes = new List<GoalChange>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PlanItemEntity.Partition} and IsDeleted eq false");
        string[] columns = ["RowKey", nameof(PlanItemEntity.Goal), GoalOutcome.ValueColumn, SourceTable.InQuarantineColumn];
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: ct))
        {
            // A plan item in quarantine keeps its last good values; it is looked at once it is fixed.
            if (row.GetBoolean(SourceTable.InQuarantineColumn) == true) continue;
            var stored = row.GetString(GoalOutcome.ValueColumn) ?? "";
            var outcome = Evaluate(IndicatorGoal.Parse(row.GetString(nameof(PlanItemEntity.Goal))), byName);
            if (outcome.NamesIndicator)
            {
                report.Goals++;
                if (outcome.Met == true) report.Met++;
                if (outcome.Problem is not null) report.Problems.Add(row.RowKey);
            }

            if (outcome.Text != stored) changes.Add(new GoalChange(row.RowKey, outcome));
        }

        return changes;
    }

    /// <returns>The changes SharePoint took, and how many it refused; an item deleted there meanwhile is neither.</returns>
    private async Task<(List<GoalChange> Written, int Failed)> WriteAsync(string listId, List<GoalChange> changes, CancellationToken ct)
    {
        // An empty text clears the column, as the overdue flag is cleared. The writes go twenty to a JSON batch.
        var answers = await lists.UpdateFieldsAsync(listId, changes.Select(c => (c.ItemId, (IDictionary<string, object>)new Dictionary<string, object> { [_column.InternalName] = c.Outcome.Text })), ct);
        var written = new List<GoalChange>();
        var failed = 0;
        foreach (var change in changes)
        {
            var answer = answers[change.ItemId];
            if (answer.IsSuccess) written.Add(change);
            // Deleted in SharePoint meanwhile: the next sync tombstones it.
            else if (answer.Status == 404) continue;
            else
            {
                LogWriteFailed(change.ItemId, answer.Describe());
                failed++;
            }
        }

        return (written, failed);
    }

    /// <summary>A goal against the day's figures. A board with no agreement this year has no figure and counts 0.</summary>
    public static GoalOutcome Evaluate(GoalParse parse, IReadOnlyDictionary<string, double> figures)
    {
        if (!parse.NamesIndicator) return GoalOutcome.NoGoal;
        if (parse.Goal is not { } goal) return GoalOutcome.Unreadable(parse.Problem!);
        if (!figures.TryGetValue(goal.Indicator, out var value))
        {
            if (!goal.Indicator.StartsWith(IndicatorCalculator.ByBoardPrefix, StringComparison.OrdinalIgnoreCase)) return GoalOutcome.Unknown(goal);
            value = 0;
        }

        return new GoalOutcome(true, goal, value, goal.IsMetBy(value), goal.Describe(value), null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the indicator value of plan item {ItemId}: {Error}")]
    private partial void LogWriteFailed(string itemId, string error);

    private sealed record GoalChange(string ItemId, GoalOutcome Outcome);
}

/// <summary>
/// A plan item's goal against the day's figure: whether the Goal text names an indicator, the goal
/// when it can be read, the value and whether it is met, the column's text, and what is wrong.
/// </summary>
public sealed record GoalOutcome(bool NamesIndicator, IndicatorGoal? Goal, double? Value, bool? Met, string Text, string? Problem)
{
    // The plan item's row keeps these columns; the overdue scan merges its own, so they stay.
    public const string NameColumn = "IndicatorName";
    public const string TargetColumn = "IndicatorTarget";
    public const string CurrentColumn = "IndicatorCurrent";
    public const string MetColumn = "IndicatorMet";

    /// <summary>The text SharePoint's IndicatorValue column holds, as last written; "" when none.</summary>
    public const string ValueColumn = "IndicatorValue";

    public static readonly GoalOutcome NoGoal = new(false, null, null, null, "", null);

    public static GoalOutcome Unreadable(string problem) =>
        new(true, null, null, null, "Målet kan inte läsas: skriv till exempel 'Indikator: enterprises.withActiveAgreement ≥ 25'", problem);

    public static GoalOutcome Unknown(IndicatorGoal goal) =>
        new(true, goal, null, null, $"Okänd indikator: {Clip(goal.Indicator)}", $"there is no indicator '{Clip(goal.Indicator)}' (docs/indicators.md lists them)");

    /// <summary>The column is a single line of text, at most 255 characters; a name typed into a goal can be longer.</summary>
    private static string Clip(string name) => name.Length <= MaxNameLength ? name : string.Concat(name.AsSpan(0, MaxNameLength), "…");

    private const int MaxNameLength = 200;

    /// <summary>
    /// The row's indicator columns: the indicator, the target and the value against it (the name is
    /// empty, the value 0 and Met false when there is no figure), and the text SharePoint now holds.
    /// A merge cannot remove a column, so "no figure" is written out rather than left out.
    /// </summary>
    public TableEntity ToColumns(string itemId) => new(PlanItemEntity.Partition, itemId)
    {
        [NameColumn] = Value is null ? "" : Goal!.Indicator,
        [TargetColumn] = Value is null ? "" : $"{Goal!.Comparison} {IndicatorGoal.SwedishNumber(Goal.Target)}",
        [CurrentColumn] = Value ?? 0,
        [MetColumn] = Met == true,
        [ValueColumn] = Text,
    };
}

/// <summary>What the goals step did: goals read, met, texts written, problems by plan-item id, failures.</summary>
public sealed class GoalReport
{
    public int Goals { get; set; }
    public int Met { get; set; }
    public int Written { get; set; }

    /// <summary>Writes SharePoint refused or kept throttling; the next night tries them again.</summary>
    public int Failed { get; set; }

    /// <summary>Plan items whose goal cannot be read or names no indicator there is.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Why nothing could be written: the IndicatorValue column is not in the list.</summary>
    public string? ColumnProblem { get; set; }
}
