namespace Integration.Core.Configuration;

/// <summary>
/// NCRONTAB schedules (section <c>Schedules</c>). The Functions host reads them through
/// <c>%Schedules:NightlySync%</c>; the code only validates them at start-up.
/// </summary>
public sealed class SchedulesOptions
{
    public const string Section = "Schedules";

    /// <summary>02:00 UTC every night (03:00 or 04:00 in Stockholm); Flex Consumption runs timers in UTC.</summary>
    public string NightlySync { get; set; } = "0 0 2 * * *";

    /// <summary>After the sync has had time to finish.</summary>
    public string OverdueScan { get; set; } = "0 30 4 * * *";

    /// <summary>After the scan's events have been taken off the queue: the night's one Teams digest.</summary>
    public string NotificationDigest { get; set; } = "0 0 5 * * *";

    /// <summary>Monday 06:00 UTC (07:00 or 08:00 in Stockholm), after the night's digest: the week just ended's status report.</summary>
    public string StatusReport { get; set; } = "0 0 6 * * 1";
}
