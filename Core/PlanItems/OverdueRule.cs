namespace Integration.Core.PlanItems;

/// <summary>
/// When an item is overdue or due soon. Dates are calendar dates in the network's time zone,
/// so "today" must be taken there too: at 00:30 in Stockholm it is already tomorrow, while UTC
/// still says today.
/// </summary>
public sealed class OverdueRule(TimeZoneInfo timeZone, int dueSoonDays)
{
    public TimeZoneInfo TimeZone { get; } = timeZone;

    public int DueSoonDays { get; } = dueSoonDays;

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZone).DateTime);

    /// <summary>The last due date that can still be "due soon" today.</summary>
    public DateOnly Horizon(DateOnly today) => today.AddDays(DueSoonDays);

    public OverdueState Evaluate(DateOnly dueDate, PlanItemStatus status, DateOnly today)
    {
        if (!status.IsOpen()) return OverdueState.None;
        if (dueDate < today) return OverdueState.Overdue;
        return dueDate <= Horizon(today) ? OverdueState.DueSoon : OverdueState.None;
    }
}
