using Microsoft.Extensions.Options;

namespace Integration.Core.Registry;

/// <summary>
/// The company register (section <c>Registry</c>): Bolagsverket's "värdefulla datamängder" API, reached
/// with OAuth2 client credentials. Every key is optional: with <see cref="BaseUrl"/> unset there is no
/// registry check, and the step is reported as <see cref="NotConfigured"/>.
/// </summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>How a step without a registry reports itself.</summary>
    public const string NotConfigured = "not configured (Registry__BaseUrl is not set)";

    /// <summary>The API's base URL, e.g. <c>https://gw.api.bolagsverket.se/vardefulla-datamangder/v1</c>; <c>/organisationer</c> is added.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The OAuth2 token endpoint, e.g. <c>https://portal.api.bolagsverket.se/oauth2/token</c>.</summary>
    public string? TokenUrl { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: a Key Vault reference in Azure, never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scope asked for with each token; the API refuses <c>/organisationer</c> without it.</summary>
    public string? Scope { get; set; } = "vardefulla-datamangder:read";

    /// <summary>Requests sent to the API at most, per minute: Bolagsverket allows about 60.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}

internal sealed class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        if (!options.IsConfigured) return ValidateOptionsResult.Success;

        var failures = new List<string>();
        CheckUrl(options.BaseUrl, "Registry__BaseUrl", "the access token", failures);
        if (string.IsNullOrWhiteSpace(options.TokenUrl))
        {
            failures.Add("Registry__TokenUrl is required when Registry__BaseUrl is set: the OAuth2 token endpoint, such as https://portal.api.bolagsverket.se/oauth2/token.");
        }
        else
        {
            CheckUrl(options.TokenUrl, "Registry__TokenUrl", "the client secret", failures);
        }

        if (string.IsNullOrWhiteSpace(options.ClientId)) failures.Add("Registry__ClientId is required when Registry__BaseUrl is set.");
        if (string.IsNullOrWhiteSpace(options.ClientSecret)) failures.Add("Registry__ClientSecret is required when Registry__BaseUrl is set.");
        if (options.RequestsPerMinute is < 1 or > 6000) failures.Add($"Registry__RequestsPerMinute must be between 1 and 6000; got {options.RequestsPerMinute}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(string? value, string key, string secret, List<string> failures)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{key} must be an absolute http(s) URL; got '{value}'.");
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
        {
            // Credentials travel with every call: only a loopback stand-in may be reached without TLS.
            failures.Add($"{key} must use https, since {secret} travels with every call; http is allowed only for a loopback stand-in.");
        }
    }
}
