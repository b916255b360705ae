using Azure.Data.Tables;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;

namespace Integration.Core.Indicators;

/// <summary>
/// The plan's own figures for the day, read from the PlanItems table so they join the dated series
/// beside the register's: items (not deleted) in total, open, done, overdue and due soon (the
/// overdue scan's verdict, which runs before the indicators), in quarantine, the goals that name an
/// indicator and how many are met against the day's register figures, and the overdue items per
/// responsible body. A deployment that has never synced the plan items (no checkpoint) records none.
/// </summary>
public sealed class PlanFigures(IntegrationStorage storage, DeltaCheckpointStore checkpoints)
{
    public const string ItemsTotal = "plan.items.total";
    public const string ItemsOpen = "plan.items.open";
    public const string ItemsDone = "plan.items.done";
    public const string ItemsOverdue = "plan.items.overdue";
    public const string ItemsDueSoon = "plan.items.dueSoon";
    public const string ItemsQuarantined = "plan.items.quarantined";
    public const string GoalsTotal = "plan.goals.total";
    public const string GoalsMet = "plan.goals.met";
    public const string OverdueByBodyPrefix = "plan.items.overdue.byBody.";

    /// <summary>The body named for an overdue item whose list item names none.</summary>
    public const string NoBody = "unspecified";

    /// <summary>The day's plan figures, or null when no plan item has been synced yet.</summary>
    /// <param name="register">The day's register figures, which the goals are put against.</param>
    public async Task<IReadOnlyDictionary<string, double>?> ComputeAsync(IReadOnlyDictionary<string, double> register, CancellationToken ct)
    {
        if (await checkpoints.GetAsync(PlanItemsModule.Source, ct) is null) return null;
        var table = await storage.TableAsync(TableNames.PlanItems, ct);
        var rows = new List<PlanRow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PlanItemEntity.Partition} and IsDeleted eq false");
        string[] columns = [nameof(PlanItemEntity.Status), nameof(PlanItemEntity.IsOpen), nameof(PlanItemEntity.Flag), nameof(PlanItemEntity.ResponsibleBody), nameof(PlanItemEntity.Goal), SourceTable.InQuarantineColumn];
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: ct))
        {
            rows.Add(new PlanRow(
                row.GetString(nameof(PlanItemEntity.Status)) ?? "",
                row.GetBoolean(nameof(PlanItemEntity.IsOpen)) == true,
                OverdueStateText.FromFlag(row.GetString(nameof(PlanItemEntity.Flag))),
                row.GetString(nameof(PlanItemEntity.ResponsibleBody)),
                row.GetString(nameof(PlanItemEntity.Goal)),
                row.GetBoolean(SourceTable.InQuarantineColumn) == true));
        }

        return Compute(rows, register);
    }

    /// <summary>The figures of the rows (not deleted) against the day's register figures.</summary>
    public static SortedDictionary<string, double> Compute(IReadOnlyList<PlanRow> rows, IReadOnlyDictionary<string, double> register)
    {
        var byName = new Dictionary<string, double>(register, StringComparer.OrdinalIgnoreCase);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            [ItemsTotal] = rows.Count,
            [ItemsOpen] = rows.Count(r => r.IsOpen),
            [ItemsDone] = rows.Count(r => r.Status == nameof(PlanItemStatus.Done)),
            [ItemsOverdue] = rows.Count(r => r.Flag == OverdueState.Overdue),
            [ItemsDueSoon] = rows.Count(r => r.Flag == OverdueState.DueSoon),
            [ItemsQuarantined] = rows.Count(r => r.InQuarantine),
        };

        // As the goals step counts them: an item in quarantine is looked at once it is fixed.
        var goals = rows.Where(r => !r.InQuarantine).Select(r => PlanItemGoals.Evaluate(IndicatorGoal.Parse(r.Goal), byName)).Where(o => o.NamesIndicator).ToList();
        values[GoalsTotal] = goals.Count;
        values[GoalsMet] = goals.Count(o => o.Met == true);
        foreach (var body in rows.Where(r => r.Flag == OverdueState.Overdue).GroupBy(r => string.IsNullOrWhiteSpace(r.ResponsibleBody) ? NoBody : r.ResponsibleBody.Trim(), StringComparer.Ordinal))
        {
            values[OverdueByBodyPrefix + body.Key] = body.Count();
        }

        return values;
    }
}

/// <summary>A plan item's row as the plan figures see it.</summary>
public sealed record PlanRow(string Status, bool IsOpen, OverdueState Flag, string? ResponsibleBody, string? Goal, bool InQuarantine);
