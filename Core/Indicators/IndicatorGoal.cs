using System.Globalization;
using System.Text.RegularExpressions;

namespace Integration.Core.Indicators;

/// <summary>
/// A plan item's measurable goal when its <c>Goal</c> text names an indicator:
/// <c>Indikator: enterprises.withActiveAgreement ≥ 25</c>. The line may stand anywhere in the text;
/// the first such line counts. <c>Indikator</c> or <c>Indicator</c> in any case, a colon, the
/// indicator's name, a comparison (<c>≥ &gt;= ≤ &lt;= &gt; &lt; =</c>) and a number, whose thousands
/// may be grouped with spaces and whose decimals follow a comma or a point (<c>2 500 000</c>,
/// <c>12,5</c>). What follows the number on the line (<c>kr</c>, <c>till 2027</c>) is a comment.
/// </summary>
public sealed partial record IndicatorGoal(string Indicator, string Comparison, double Target)
{
    public static GoalParse Parse(string? goal)
    {
        if (string.IsNullOrWhiteSpace(goal) || Marker().Match(goal) is not { Success: true } marker) return GoalParse.None;

        var line = marker.Groups["rest"].Value.Trim();
        if (Expression().Match(line) is not { Success: true } expression)
        {
            return GoalParse.Invalid(
                "the line after 'Indikator:' is not '<indicator> <comparison> <number>', for example 'Indikator: enterprises.withActiveAgreement ≥ 25'");
        }

        var number = Grouping().Replace(expression.Groups["number"].Value, "").Replace(',', '.');
        var target = double.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var comparison = expression.Groups["op"].Value switch
        {
            ">=" => "≥",
            "<=" => "≤",
            var op => op,
        };
        return GoalParse.Valid(new IndicatorGoal(expression.Groups["name"].Value.Trim(), comparison, target));
    }

    public bool IsMetBy(double value) => Comparison switch
    {
        "≥" => value >= Target,
        "≤" => value <= Target,
        ">" => value > Target,
        "<" => value < Target,
        _ => value == Target,
    };

    /// <summary>The text the plan item's IndicatorValue column shows: <c>18 (mål ≥ 25, ej uppnått)</c>.</summary>
    public string Describe(double value) =>
        $"{SwedishNumber(value)} (mål {Comparison} {SwedishNumber(Target)}, {(IsMetBy(value) ? "uppnått" : "ej uppnått")})";

    /// <summary>A number as Swedish text: thousands grouped with a space, a decimal comma, at most two decimals.</summary>
    public static string SwedishNumber(double value) => value.ToString("#,0.##", SwedishFormat);

    // Built by hand rather than taken from sv-SE, whose group separator is a no-break space and
    // which a host without ICU data does not have.
    private static readonly NumberFormatInfo SwedishFormat = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NegativeSign = "-" };

    [GeneratedRegex(@"\b(?:indikator|indicator)\s*:(?<rest>[^\r\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?<name>[^\s≥≤<>=][^≥≤<>=]*?)\s*(?<op>≥|>=|≤|<=|>|<|=)\s*(?<number>\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,]\d+)?(?!\d))")]
    private static partial Regex Expression();

    [GeneratedRegex(@"[ \u00A0\u202F]")]
    private static partial Regex Grouping();
}

/// <summary>What a Goal text says: no indicator, a goal, or an indicator line that cannot be read (with why).</summary>
public sealed record GoalParse(IndicatorGoal? Goal, string? Problem)
{
    public static readonly GoalParse None = new(null, null);

    public static GoalParse Valid(IndicatorGoal goal) => new(goal, null);

    public static GoalParse Invalid(string problem) => new(null, problem);

    public bool NamesIndicator => Goal is not null || Problem is not null;
}
