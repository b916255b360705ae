using Integration.Core.Indicators;

namespace Integration.Functions.Tests.Indicators;

/// <summary>The Goal syntax docs/indicators.md pins, and a goal against the day's figures.</summary>
public class IndicatorGoalTests
{
    [Theory]
    [InlineData("Indikator: enterprises.withActiveAgreement ≥ 25", "enterprises.withActiveAgreement", "≥", 25)]
    [InlineData("Fler sociala företag med avtal.\nIndikator: enterprises.withActiveAgreement >= 25 till 2027", "enterprises.withActiveAgreement", "≥", 25)]
    [InlineData("indicator:enterprises.wise<=3", "enterprises.wise", "≤", 3)]
    [InlineData("INDIKATOR: agreements.value.2026 ≥ 2 500 000 kr", "agreements.value.2026", "≥", 2_500_000)]
    [InlineData("Indikator: agreements.value.2026 > 12,5", "agreements.value.2026", ">", 12.5)]
    [InlineData("Indikator: agreements.active = 4.", "agreements.active", "=", 4)]
    [InlineData("Indikator: agreements.value.byBoard.Stockholm Business Region AB ≥ 100 000", "agreements.value.byBoard.Stockholm Business Region AB", "≥", 100_000)]
    [InlineData("Indikator: agreements.newThisYear ≥ 25 2027", "agreements.newThisYear", "≥", 25)]
    public void ReadsTheIndicatorLine(string text, string indicator, string comparison, double target)
    {
        var parse = IndicatorGoal.Parse(text);

        Assert.Equal(new IndicatorGoal(indicator, comparison, target), parse.Goal);
        Assert.Null(parse.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Andel inköp från sociala företag ska öka")]
    [InlineData("Indikatorer tas fram under 2027")]
    public void AGoalWithoutAnIndicatorLineNamesNone(string? text) =>
        Assert.False(IndicatorGoal.Parse(text).NamesIndicator);

    [Theory]
    [InlineData("Indikator: enterprises.withActiveAgreement")]
    [InlineData("Indikator: enterprises.withActiveAgreement ≥ många")]
    [InlineData("Indikator: ≥ 25")]
    [InlineData("Indikator:")]
    public void AnIndicatorLineThatCannotBeReadIsAProblem(string text)
    {
        var parse = IndicatorGoal.Parse(text);

        Assert.True(parse.NamesIndicator);
        Assert.Null(parse.Goal);
        Assert.Contains("Indikator: enterprises.withActiveAgreement ≥ 25", parse.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("≥", 25, true)]
    [InlineData("≥", 26, false)]
    [InlineData("≤", 25, true)]
    [InlineData(">", 25, false)]
    [InlineData("<", 26, true)]
    [InlineData("=", 25, true)]
    public void ComparesTheValueWithTheTarget(string comparison, double target, bool met) =>
        Assert.Equal(met, new IndicatorGoal("x", comparison, target).IsMetBy(25));

    [Fact]
    public void DescribesTheValueAgainstTheTargetInSwedish()
    {
        Assert.Equal("18 (mål ≥ 25, ej uppnått)", new IndicatorGoal("x", "≥", 25).Describe(18));
        Assert.Equal("2 750 000,5 (mål ≥ 2 500 000, uppnått)", new IndicatorGoal("x", "≥", 2_500_000).Describe(2_750_000.5));
    }

    [Fact]
    public void AGoalIsPutAgainstTheDaysFigureNamedInAnyCase()
    {
        var figures = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["enterprises.withActiveAgreement"] = 18 };

        var outcome = PlanItemGoals.Evaluate(IndicatorGoal.Parse("Indikator: Enterprises.WithActiveAgreement ≥ 25"), figures);

        Assert.Equal((18d, false, "18 (mål ≥ 25, ej uppnått)"), (outcome.Value!.Value, outcome.Met!.Value, outcome.Text));
        Assert.Null(outcome.Problem);
    }

    [Fact]
    public void ABoardWithoutAgreementsThisYearCountsZeroButAnUnknownNameIsAProblem()
    {
        var figures = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["agreements.active"] = 3 };

        var board = PlanItemGoals.Evaluate(IndicatorGoal.Parse("Indikator: agreements.value.byBoard.Kulturnämnden ≥ 1000"), figures);
        var unknown = PlanItemGoals.Evaluate(IndicatorGoal.Parse("Indikator: enterprises.happy ≥ 10"), figures);

        Assert.Equal("0 (mål ≥ 1 000, ej uppnått)", board.Text);
        Assert.Equal("Okänd indikator: enterprises.happy", unknown.Text);
        Assert.Contains("enterprises.happy", unknown.Problem, StringComparison.Ordinal);
        Assert.Null(unknown.Value);
    }

    [Fact]
    public void AnUnknownNameTooLongForTheColumnIsClipped()
    {
        var name = "enterprises." + new string('x', 400);

        var outcome = PlanItemGoals.Evaluate(IndicatorGoal.Parse($"Indikator: {name} ≥ 1"), new Dictionary<string, double>());

        Assert.True(outcome.Text.Length <= 255, outcome.Text);
        Assert.EndsWith("…", outcome.Text, StringComparison.Ordinal);
    }
}
