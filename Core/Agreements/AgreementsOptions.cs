using Microsoft.Extensions.Options;

namespace Integration.Core.Agreements;

/// <summary>Rules for the agreements list (section <c>Agreements</c>).</summary>
public sealed class AgreementsOptions
{
    public const string Section = "Agreements";

    /// <summary>
    /// The largest yearly value, in SEK, taken as real. A value above it is far more likely a typo (an
    /// extra zero, öre typed as kronor) than an agreement, and would swamp the indicators.
    /// </summary>
    public decimal MaxYearlyValue { get; set; } = 100_000_000m;
}

internal sealed class AgreementsOptionsValidator : IValidateOptions<AgreementsOptions>
{
    public ValidateOptionsResult Validate(string? name, AgreementsOptions options) =>
        options.MaxYearlyValue > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Agreements__MaxYearlyValue must be more than 0; got {options.MaxYearlyValue}.");
}
