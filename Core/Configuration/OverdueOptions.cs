namespace Integration.Core.Configuration;

/// <summary>Rules for flagging plan items (section <c>Overdue</c>).</summary>
public sealed class OverdueOptions
{
    public const string Section = "Overdue";

    /// <summary>IANA time zone in which due dates are calendar dates; also the SharePoint site's zone.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";

    /// <summary>An open item due within this many days (today included) is "due soon".</summary>
    public int DueSoonDays { get; set; } = 7;
}
