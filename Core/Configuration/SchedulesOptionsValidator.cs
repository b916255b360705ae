using Microsoft.Extensions.Options;

namespace Integration.Core.Configuration;

/// <summary>
/// The Functions host parses the schedules itself; this only catches the common mistake of a
/// five-field cron line, which the host rejects with a less helpful message.
/// </summary>
internal sealed class SchedulesOptionsValidator : IValidateOptions<SchedulesOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulesOptions options)
    {
        var failures = new List<string>();
        Check("Schedules__NightlySync", options.NightlySync, failures);
        Check("Schedules__OverdueScan", options.OverdueScan, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string key, string? value, List<string> failures)
    {
        var fields = (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 6)
        {
            failures.Add($"{key} must be an NCRONTAB expression with six fields (seconds first), e.g. '0 0 2 * * *'; got '{value}'.");
        }
    }
}
