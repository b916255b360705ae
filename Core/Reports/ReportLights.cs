namespace Integration.Core.Reports;

/// <summary>
/// The rules behind the summary's traffic lights, in one place so the PDF and the Teams card agree.
/// </summary>
public static class ReportLights
{
    /// <summary>All goals met: green; at least half: yellow; fewer: red.</summary>
    public static TrafficLight Goals(ReportHeadline h) =>
        h.GoalsTotal == 0 ? TrafficLight.None
        : h.GoalsMet == h.GoalsTotal ? TrafficLight.Green
        : h.GoalsMet * 2 >= h.GoalsTotal ? TrafficLight.Yellow
        : TrafficLight.Red;

    /// <summary>None overdue: green; no more than last week: yellow; more (or nothing to compare): red.</summary>
    public static TrafficLight Overdue(ReportHeadline h) =>
        h.Overdue == 0 ? TrafficLight.Green
        : h.OverdueLastWeek is { } last && h.Overdue <= last ? TrafficLight.Yellow
        : TrafficLight.Red;

    /// <summary>No open data problem: green; up to five: yellow; more: red.</summary>
    public static TrafficLight DataProblems(ReportHeadline h) =>
        h.OpenDataProblems == 0 ? TrafficLight.Green : h.OpenDataProblems <= 5 ? TrafficLight.Yellow : TrafficLight.Red;

    /// <summary>Some agreement active: green; none: yellow (the plan's purpose is agreements with social enterprises).</summary>
    public static TrafficLight Agreements(ReportHeadline h) =>
        h.ActiveAgreements > 0 ? TrafficLight.Green : TrafficLight.Yellow;

    /// <summary>A goal: met green; not met red; no figure none.</summary>
    public static TrafficLight Goal(GoalLine goal) => goal.Met switch
    {
        true => TrafficLight.Green,
        false => TrafficLight.Red,
        null => TrafficLight.None,
    };
}
