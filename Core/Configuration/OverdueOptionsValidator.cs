using Microsoft.Extensions.Options;

namespace Integration.Core.Configuration;

internal sealed class OverdueOptionsValidator : IValidateOptions<OverdueOptions>
{
    public ValidateOptionsResult Validate(string? name, OverdueOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Overdue__TimeZone '{options.TimeZone}' is not a known time zone (use an IANA id such as Europe/Stockholm).");
        }

        if (options.DueSoonDays is < 0 or > 365)
        {
            failures.Add($"Overdue__DueSoonDays must be between 0 and 365; got {options.DueSoonDays}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
