using Microsoft.Extensions.Options;

namespace Integration.Core.PlanItems;

internal sealed class OverdueOptionsValidator : IValidateOptions<OverdueOptions>
{
    public ValidateOptionsResult Validate(string? name, OverdueOptions options) =>
        options.DueSoonDays is < 0 or > 365
            ? ValidateOptionsResult.Fail($"Overdue__DueSoonDays must be between 0 and 365; got {options.DueSoonDays}.")
            : ValidateOptionsResult.Success;
}
