namespace Integration.Core.PlanItems;

/// <summary>Rules for flagging plan items (section <c>Overdue</c>; its time zone is the <see cref="Calendar.NetworkCalendar"/>'s).</summary>
public sealed class OverdueOptions
{
    public const string Section = "Overdue";

    /// <summary>An open item due within this many days (today included) is "due soon".</summary>
    public int DueSoonDays { get; set; } = 7;
}
