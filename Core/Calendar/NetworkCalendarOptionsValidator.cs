using Microsoft.Extensions.Options;

namespace Integration.Core.Calendar;

internal sealed class NetworkCalendarOptionsValidator : IValidateOptions<NetworkCalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkCalendarOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Overdue__TimeZone '{options.TimeZone}' is not a known time zone (use an IANA id such as Europe/Stockholm).");
}
