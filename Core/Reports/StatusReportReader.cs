using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.BudgetAssignments;
using Integration.Core.Calendar;
using Integration.Core.Indicators;
using Integration.Core.PlanItems;
using Integration.Core.Registry;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;

namespace Integration.Core.Reports;

/// <summary>
/// Reads a week's <see cref="StatusReportModel"/> from the stores only: the PlanItems table (goals,
/// activities, bodies), the Indicators table (the headline figures and each goal's series), the
/// MeetingNotes versions archived in the week, the register's stored answers, the open quarantine
/// entries, and the budget assignments. Nothing is asked of SharePoint except, when an
/// <see cref="IOwnerNames"/> is given, the display names of the listed activities' owners.
/// </summary>
public sealed class StatusReportReader(IntegrationStorage storage, NetworkCalendar calendar, SyncSources sources, DataProblemStore dataProblems, TimeProvider time, IOwnerNames? owners = null)
{
    /// <summary>Activities due within this many days are listed beside the overdue ones.</summary>
    public const int HorizonDays = 14;

    /// <summary>At most this many activities are listed; the rest are counted.</summary>
    public const int MaxActivities = 60;

    /// <summary>Each goal's chart covers this many months back from the figures' day.</summary>
    public const int SeriesMonths = 12;

    public async Task<StatusReportModel> ReadAsync(ReportWeek week, CancellationToken ct)
    {
        var today = calendar.Today();
        var asOf = week.Sunday < today ? week.Sunday : today;
        var items = await PlanItemsAsync(ct);

        var goalItems = items.Where(i => !i.InQuarantine && IndicatorGoal.Parse(i.Goal).Goal is not null).ToList();
        var names = new HashSet<string>(goalItems.Select(i => IndicatorGoal.Parse(i.Goal).Goal!.Indicator), StringComparer.OrdinalIgnoreCase)
        {
            PlanFigures.ItemsOverdue,
        };
        var series = await SeriesAsync(asOf.AddMonths(-SeriesMonths), asOf, names, ct);
        var figuresDay = await LatestDayAsync(asOf, ct);
        var figures = figuresDay is { } day ? await new IndicatorStore(storage).LoadDayAsync(day, ct) : new Dictionary<string, double>();
        var byName = new Dictionary<string, double>(figures, StringComparer.OrdinalIgnoreCase);

        var goals = goalItems
            .Select(i =>
            {
                var goal = IndicatorGoal.Parse(i.Goal).Goal!;
                var outcome = PlanItemGoals.Evaluate(GoalParse.Valid(goal), byName);
                return new GoalLine(i.Title, goal, outcome.Value, outcome.Met, series.GetValueOrDefault(goal.Indicator) ?? []);
            })
            .OrderBy(g => g.Met == true).ThenBy(g => g.Title, StringComparer.CurrentCulture)
            .ToList();

        var live = items.Where(i => !i.InQuarantine).ToList();
        var listed = live.Where(i => i.IsOpen && i.Due is { } due && due <= asOf.AddDays(HorizonDays))
            .OrderBy(i => i.Due).ThenBy(i => i.Title, StringComparer.CurrentCulture).ToList();
        var ownerNames = owners is null ? new Dictionary<string, string?>() : await owners.DisplayNamesAsync(listed.Take(MaxActivities).Select(i => i.OwnerLookupId).Where(id => id.Length > 0).Distinct(), ct);
        var activities = listed.Take(MaxActivities)
            .Select(i => new ActivityLine(i.Title, i.Body, ownerNames.GetValueOrDefault(i.OwnerLookupId), i.Due!.Value, asOf.DayNumber - i.Due.Value.DayNumber))
            .ToList();

        var byBody = ByBody(live);
        var problems = await ProblemsAsync(ct);

        var overdue = Figure(figures, PlanFigures.ItemsOverdue) ?? live.Count(i => i.Flag == OverdueState.Overdue);
        var overdueSeries = series.GetValueOrDefault(PlanFigures.ItemsOverdue) ?? [];
        int? lastWeek = overdueSeries.LastOrDefault(p => p.Day <= asOf.AddDays(-7)) is { Day.Year: > 1 } point ? (int)point.Value : null;
        var headline = new ReportHeadline(
            GoalsMet: goals.Count(g => g.Met == true),
            GoalsTotal: goals.Count,
            ItemsTotal: items.Count,
            ItemsOpen: live.Count(i => i.IsOpen),
            Overdue: overdue,
            OverdueLastWeek: lastWeek,
            DueSoon: live.Count(i => i.IsOpen && i.Due is { } d && d > asOf && d <= asOf.AddDays(HorizonDays)),
            OpenDataProblems: problems.Sum(p => p.Open),
            ActiveAgreements: Figure(figures, IndicatorCalculator.AgreementsActive) ?? 0,
            AgreementsValueThisYear: figures.GetValueOrDefault(IndicatorCalculator.ValuePrefix + asOf.Year.ToString(CultureInfo.InvariantCulture)),
            Year: asOf.Year);

        return new StatusReportModel(week, asOf, figuresDay, time.GetUtcNow(), headline, goals, activities, listed.Count - activities.Count, byBody,
            await NotesAsync(week, ct), await WarningsAsync(ct), problems, await AssignmentsAsync(items, ct));
    }

    /// <summary>The activities of each responsible body by status, the largest first.</summary>
    private static List<BodyStatusCount> ByBody(IEnumerable<ReportItem> live) =>
        [.. live.GroupBy(i => string.IsNullOrWhiteSpace(i.Body) ? "Ej angivet" : i.Body.Trim(), StringComparer.Ordinal)
            .Select(g => new BodyStatusCount(g.Key,
                g.Count(i => i.Status == nameof(PlanItemStatus.NotStarted)),
                g.Count(i => i.Status == nameof(PlanItemStatus.InProgress)),
                g.Count(i => i.Status == nameof(PlanItemStatus.Done)),
                g.Count(i => i.Status == nameof(PlanItemStatus.Cancelled))))
            .OrderByDescending(b => b.Total).ThenBy(b => b.Body, StringComparer.Ordinal)];

    /// <summary>The data problems open on each source's items (errors and warnings), as the night wrote them there.</summary>
    private async Task<List<ProblemCount>> ProblemsAsync(CancellationToken ct) =>
        [.. (await dataProblems.CountAsync(sources.Names, ct)).Select(c => new ProblemCount(c.Source, c.Errors + c.Warnings))];

    private static int? Figure(IReadOnlyDictionary<string, double> figures, string name) =>
        figures.TryGetValue(name, out var value) ? (int)Math.Round(value) : null;

    private async Task<List<ReportItem>> PlanItemsAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.PlanItems, ct);
        var rows = new List<ReportItem>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PlanItemEntity.Partition} and IsDeleted eq false");
        string[] columns = ["RowKey", nameof(PlanItemEntity.Title), nameof(PlanItemEntity.Goal), nameof(PlanItemEntity.ResponsibleBody), nameof(PlanItemEntity.OwnerLookupId),
            nameof(PlanItemEntity.DueDate), nameof(PlanItemEntity.Status), nameof(PlanItemEntity.IsOpen), nameof(PlanItemEntity.Flag), nameof(PlanItemEntity.BudgetAssignment), SourceTable.InQuarantineColumn];
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: columns, cancellationToken: ct))
        {
            DateOnly? due = DateOnly.TryParseExact(row.GetString(nameof(PlanItemEntity.DueDate)), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            rows.Add(new ReportItem(
                row.RowKey,
                row.GetString(nameof(PlanItemEntity.Title)) ?? "",
                row.GetString(nameof(PlanItemEntity.Goal)),
                row.GetString(nameof(PlanItemEntity.ResponsibleBody)),
                row.GetString(nameof(PlanItemEntity.OwnerLookupId)) ?? "",
                due,
                row.GetString(nameof(PlanItemEntity.Status)) ?? "",
                row.GetBoolean(nameof(PlanItemEntity.IsOpen)) == true,
                OverdueStateText.FromFlag(row.GetString(nameof(PlanItemEntity.Flag))),
                row.GetString(nameof(PlanItemEntity.BudgetAssignment)),
                row.GetBoolean(SourceTable.InQuarantineColumn) == true));
        }

        return rows;
    }

    /// <summary>The series of the named indicators from <paramref name="from"/> to <paramref name="to"/>: one range query over the days.</summary>
    private async Task<Dictionary<string, List<SeriesPoint>>> SeriesAsync(DateOnly from, DateOnly to, HashSet<string> names, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Indicators, ct);
        var series = new Dictionary<string, List<SeriesPoint>>(StringComparer.OrdinalIgnoreCase);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {IndicatorStore.DayKey(from)} and PartitionKey le {IndicatorStore.DayKey(to)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", IndicatorStore.IndicatorColumn, IndicatorStore.ValueColumn], cancellationToken: ct))
        {
            var name = row.GetString(IndicatorStore.IndicatorColumn);
            if (name is null || !names.Contains(name)) continue;
            if (!DateOnly.TryParseExact(row.PartitionKey, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) continue;
            if (!series.TryGetValue(name, out var points)) series[name] = points = [];
            points.Add(new SeriesPoint(day, row.GetDouble(IndicatorStore.ValueColumn) ?? 0));
        }

        foreach (var points in series.Values) points.Sort((a, b) => a.Day.CompareTo(b.Day));
        return series;
    }

    /// <summary>The last day on or before <paramref name="asOf"/> the Indicators table holds, looked for within a year.</summary>
    private async Task<DateOnly?> LatestDayAsync(DateOnly asOf, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.Indicators, ct);
        // Days are partitions: ask a week at a time, newest first, for one row's key.
        for (var end = asOf; end > asOf.AddYears(-1); end = end.AddDays(-7))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey ge {IndicatorStore.DayKey(end.AddDays(-6))} and PartitionKey le {IndicatorStore.DayKey(end)}");
            DateOnly? latest = null;
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: ct))
            {
                var day = DateOnly.ParseExact(row.PartitionKey, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (latest is null || day > latest) latest = day;
            }

            if (latest is not null) return latest;
        }

        return null;
    }

    /// <summary>Versions of meeting notes archived in the week (Stockholm days), newest meeting first.</summary>
    private async Task<List<NoteLine>> NotesAsync(ReportWeek week, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableNames.MeetingNotes, ct);
        var notes = new List<NoteLine>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == MeetingNotes.MeetingNoteStore.VersionsPartition,
            select: ["FileName", "MeetingDate", "Group", "DocumentNumber", "ArchivedAt"], cancellationToken: ct))
        {
            if (row.GetDateTimeOffset("ArchivedAt") is not { } archived) continue;
            var day = calendar.DateOf(archived);
            if (day < week.Monday || day > week.Sunday) continue;
            var meeting = DateOnly.TryParseExact(row.GetString("MeetingDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : day;
            notes.Add(new NoteLine(meeting, row.GetString("Group"), row.GetString("FileName") ?? "", row.GetString("DocumentNumber"), archived));
        }

        return [.. notes.OrderByDescending(n => n.MeetingDate).ThenBy(n => n.FileName, StringComparer.Ordinal)];
    }

    /// <summary>Live enterprises whose stored register answer (for their current number) is a warning.</summary>
    private async Task<List<WarningLine>> WarningsAsync(CancellationToken ct)
    {
        var answers = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        var registry = await storage.TableAsync(TableNames.RegistryAnswers, ct);
        await foreach (var row in registry.QueryAsync<TableEntity>(e => e.PartitionKey == RegistryCheck.Partition, cancellationToken: ct))
        {
            if (RegistryCheck.IsWarning(row.GetString("Status") ?? "")) answers[row.RowKey] = row;
        }

        if (answers.Count == 0) return [];
        var warnings = new List<WarningLine>();
        var enterprises = await storage.TableAsync(TableNames.Enterprises, ct);
        await foreach (var row in enterprises.QueryAsync<TableEntity>(e => e.PartitionKey == Enterprises.EnterpriseStore.Partition,
            select: ["RowKey", "Name", "OrganisationNumber", SourceTable.IsDeletedColumn, SourceTable.InQuarantineColumn], cancellationToken: ct))
        {
            if (row.GetBoolean(SourceTable.IsDeletedColumn) == true || row.GetBoolean(SourceTable.InQuarantineColumn) == true) continue;
            if (!answers.TryGetValue(row.RowKey, out var answer) || answer.GetString("OrganisationNumber") != row.GetString("OrganisationNumber")) continue;
            warnings.Add(new WarningLine(row.GetString("Name") ?? "", row.GetString("OrganisationNumber") ?? "", ReportTexts.RegisterStatus(answer.GetString("Status")!), answer.GetString("Since")));
        }

        return [.. warnings.OrderBy(w => w.Enterprise, StringComparer.CurrentCulture)];
    }

    /// <summary>Current assignments (not deleted, with a diary number) and the titles of the plan items that name each.</summary>
    private async Task<List<AssignmentLine>> AssignmentsAsync(List<ReportItem> items, CancellationToken ct)
    {
        var linked = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => !i.InQuarantine))
        {
            if (!BudgetAssignmentKeys.TryParse(item.BudgetAssignment, out var number, out _)) continue;
            var key = BudgetAssignmentKeys.Of(number!);
            if (!linked.TryGetValue(key, out var titles)) linked[key] = titles = [];
            titles.Add(item.Title);
        }

        var table = await storage.TableAsync(TableNames.BudgetAssignments, ct);
        var assignments = new List<AssignmentLine>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == BudgetAssignmentStore.Partition,
            select: ["RowKey", "DiaryNumber", "Title", "Deadline", "Status", "Closed", SourceTable.IsDeletedColumn], cancellationToken: ct))
        {
            if (row.GetBoolean(SourceTable.IsDeletedColumn) == true || row.GetString("DiaryNumber") is not { } diary) continue;
            DateOnly? deadline = DateOnly.TryParseExact(row.GetString("Deadline"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var titles = linked.GetValueOrDefault(row.RowKey) ?? [];
            titles.Sort(StringComparer.CurrentCulture);
            assignments.Add(new AssignmentLine(diary, row.GetString("Title") ?? "", deadline, row.GetString("Status"), row.GetBoolean("Closed") == true, titles));
        }

        return [.. assignments.OrderBy(a => a.Closed).ThenBy(a => a.DiaryNumber, StringComparer.Ordinal)];
    }

    private sealed record ReportItem(string Id, string Title, string? Goal, string? Body, string OwnerLookupId, DateOnly? Due, string Status, bool IsOpen, OverdueState Flag, string? BudgetAssignment, bool InQuarantine);
}

/// <summary>The display names of site users by lookup id, for the activities the report lists.</summary>
public interface IOwnerNames
{
    Task<IReadOnlyDictionary<string, string?>> DisplayNamesAsync(IEnumerable<string> lookupIds, CancellationToken ct);
}
