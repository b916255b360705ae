using Integration.Core.Calendar;
using Integration.Core.PlanItems;
using Integration.Core.Sync.Problems;

namespace Integration.Core.Indicators;

/// <summary>
/// Warns on a plan item whose goal names an indicator that does not exist, or names one in a form that
/// cannot be read, so the network fixes the goal where it wrote it. The indicators known are the last
/// day's figures in the series (the night computes today's after the plan items are read); before the
/// first night's figures nothing is said.
/// </summary>
public sealed class PlanItemGoalWarnings(IndicatorStore store, NetworkCalendar calendar) : IRecordWarnings<PlanItem>
{
    private Dictionary<string, double> _figures = [];

    public string Source => PlanItemsModule.Source;

    public async Task PrepareAsync(CancellationToken ct)
    {
        var today = calendar.Today();
        var figures = await store.LoadDayAsync(today, ct);
        if (figures.Count == 0) figures = await store.LoadDayAsync(today.AddDays(-1), ct);
        // Goals name indicators in any case, as the goal values are evaluated.
        _figures = new Dictionary<string, double>(figures, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ItemProblem> Check(PlanItem record)
    {
        if (_figures.Count == 0) return [];
        var outcome = PlanItemGoals.Evaluate(IndicatorGoal.Parse(record.Goal), _figures);
        if (!outcome.NamesIndicator || outcome.Problem is not { } problem) return [];
        return outcome.Goal is { } goal
            ? [new($"Goal: {problem}.", $"Målet nämner indikatorn {Privacy.NetworkText.Quote(goal.Indicator)}, som inte finns. Skriv en av de indikatorer samordnaren har listan över, till exempel 'Indikator: enterprises.withActiveAgreement ≥ 25'.")]
            : [new($"Goal: {problem}.", "Målet kan inte läsas. Skriv det till exempel som 'Indikator: enterprises.withActiveAgreement ≥ 25'.")];
    }
}
