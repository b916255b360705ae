using Microsoft.Extensions.Options;
using NCrontab;

namespace Integration.Core.Configuration;

/// <summary>
/// Parses the schedules with NCrontab, the parser the Functions host uses for timer triggers, so a
/// schedule the host would reject (an hour of 25, a five-field cron line) stops start-up with a
/// message that names the key, instead of a timer that never starts.
/// </summary>
internal sealed class SchedulesOptionsValidator : IValidateOptions<SchedulesOptions>
{
    // Timer triggers take six fields, seconds first.
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    public ValidateOptionsResult Validate(string? name, SchedulesOptions options)
    {
        var failures = new List<string>();
        Check("Schedules__NightlySync", options.NightlySync, failures);
        Check("Schedules__OverdueScan", options.OverdueScan, failures);
        Check("Schedules__NotificationDigest", options.NotificationDigest, failures);
        Check("Schedules__StatusReport", options.StatusReport, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string key, string? value, List<string> failures)
    {
        var problem = string.IsNullOrWhiteSpace(value)
            ? "it is empty"
            : CrontabSchedule.TryParse<string?>(value, SixFields, _ => null, error => error().Message);
        if (problem is not null)
        {
            failures.Add($"{key} must be an NCRONTAB expression with six fields (seconds first), e.g. '0 0 2 * * *'; '{value}' is not valid: {problem}");
        }
    }
}
