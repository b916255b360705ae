using Microsoft.Extensions.Options;

namespace Integration.Core.Retention;

/// <summary>How long the night's own records are kept (<c>Retention__Days</c>).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// Days a night's run records and a resolved quarantine entry are kept; the deployment's
    /// lifecycle rule keeps quarantined payloads as long (infra/modules/storage.bicep).
    /// </summary>
    public int Days { get; set; } = 400;
}

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) =>
        options.Days is < 1 or > 36500
            ? ValidateOptionsResult.Fail($"Retention__Days must be between 1 and 36500; got {options.Days}.")
            : ValidateOptionsResult.Success;
}
