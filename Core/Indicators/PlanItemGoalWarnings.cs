using Integration.Core.Calendar;
using Integration.Core.PlanItems;
using Integration.Core.Sync.Problems;

namespace Integration.Core.Indicators;

/// <summary>
/// Warns on a plan item whose goal names an indicator that does not exist, or names one in a form that
/// cannot be read, so the network fixes the goal where it wrote it. The indicators known are those of
/// the day before in the series (the night computes today's after the plan items are read), so every
/// run of a day says the same; without them (the first night) nothing is said.
/// </summary>
public sealed class PlanItemGoalWarnings(IndicatorStore store, NetworkCalendar calendar) : IRecordWarnings<PlanItem>
{
    private Task<Dictionary<string, double>>? _figures;

    public string Source => PlanItemsModule.Source;

    public async ValueTask<IReadOnlyList<ItemProblem>> CheckAsync(PlanItem record, CancellationToken ct)
    {
        var parse = IndicatorGoal.Parse(record.Goal);
        if (!parse.NamesIndicator) return [];
        var figures = await (_figures ??= YesterdayAsync(ct));
        if (figures.Count == 0) return [];
        var outcome = PlanItemGoals.Evaluate(parse, figures);
        if (outcome.Problem is not { } problem) return [];
        return outcome.Goal is { } goal
            ? [new($"Goal: {problem}.", $"Målet nämner indikatorn {Privacy.NetworkText.Quote(goal.Indicator)}, som inte finns. Skriv en av de indikatorer samordnaren har listan över, till exempel 'Indikator: enterprises.withActiveAgreement ≥ 25'.")]
            : [new($"Goal: {problem}.", "Målet kan inte läsas. Skriv det till exempel som 'Indikator: enterprises.withActiveAgreement ≥ 25'.")];
    }

    // Goals name indicators in any case, as the goal values are evaluated.
    private async Task<Dictionary<string, double>> YesterdayAsync(CancellationToken ct) =>
        new(await store.LoadDayAsync(calendar.Today().AddDays(-1), ct), StringComparer.OrdinalIgnoreCase);
}
