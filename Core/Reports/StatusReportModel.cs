using Integration.Core.Indicators;

namespace Integration.Core.Reports;

/// <summary>
/// What the weekly status report (lägesrapport) shows, read from the stores only
/// (<see cref="StatusReportReader"/>); the PDF and the Teams card are drawn from it.
/// </summary>
/// <param name="AsOf">The day the figures stand for: the week's Sunday, or today while the week is running.</param>
/// <param name="FiguresDay">The Indicators table's day the headline figures come from (the last stored on or before <paramref name="AsOf"/>); null when none.</param>
public sealed record StatusReportModel(
    ReportWeek Week,
    DateOnly AsOf,
    DateOnly? FiguresDay,
    DateTimeOffset MadeAt,
    ReportHeadline Headline,
    IReadOnlyList<GoalLine> Goals,
    IReadOnlyList<ActivityLine> Activities,
    int ActivitiesNotListed,
    IReadOnlyList<BodyStatusCount> ByBody,
    IReadOnlyList<NoteLine> Notes,
    IReadOnlyList<WarningLine> Warnings,
    IReadOnlyList<ProblemCount> DataProblems,
    IReadOnlyList<AssignmentLine> Assignments);

/// <summary>The summary's figures. Overdue last week is null when the series has no day that far back.</summary>
public sealed record ReportHeadline(
    int GoalsMet,
    int GoalsTotal,
    int ItemsTotal,
    int ItemsOpen,
    int Overdue,
    int? OverdueLastWeek,
    int DueSoon,
    int OpenDataProblems,
    int ActiveAgreements,
    double AgreementsValueThisYear,
    int Year);

/// <summary>A plan item whose goal names an indicator: the goal, the value on the figures' day, and the series.</summary>
public sealed record GoalLine(string Title, IndicatorGoal Goal, double? Value, bool? Met, IReadOnlyList<SeriesPoint> Series);

public readonly record struct SeriesPoint(DateOnly Day, double Value);

/// <summary>An open activity overdue or due within the report's horizon. DaysOverdue is negative for the days left.</summary>
public sealed record ActivityLine(string Title, string? Body, string? Owner, DateOnly Due, int DaysOverdue);

/// <summary>Activities per responsible body by status.</summary>
public sealed record BodyStatusCount(string Body, int NotStarted, int InProgress, int Done, int Cancelled)
{
    public int Total => NotStarted + InProgress + Done + Cancelled;
}

/// <summary>A meeting note archived in the week, with the case system's document number once registered.</summary>
public sealed record NoteLine(DateOnly MeetingDate, string? Group, string FileName, string? DocumentNumber, DateTimeOffset ArchivedAt);

/// <summary>An enterprise the register reports deregistered, bankrupt or in liquidation.</summary>
public sealed record WarningLine(string Enterprise, string OrganisationNumber, string Status, string? Since);

/// <summary>Open quarantine entries of a source.</summary>
public sealed record ProblemCount(string Source, int Open);

/// <summary>A budget assignment (budgetuppdrag) and the plan items that follow from it.</summary>
public sealed record AssignmentLine(string DiaryNumber, string Title, DateOnly? Deadline, string? Status, bool Closed, IReadOnlyList<string> PlanItems);
