namespace Integration.Core.Calendar;

/// <summary>
/// The network's time zone. Its key stays in the <c>Overdue</c> section (<c>Overdue__TimeZone</c>),
/// where deployments already set it.
/// </summary>
public sealed class NetworkCalendarOptions
{
    public const string Section = "Overdue";

    /// <summary>IANA time zone in which the network's dates are calendar dates; also the SharePoint site's zone.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";
}
