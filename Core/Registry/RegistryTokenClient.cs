using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Integration.Core.Registry;

/// <summary>
/// Asks the token endpoint for an access token with the OAuth2 client credentials grant (RFC 6749 4.4):
/// a form POST with <c>grant_type=client_credentials</c> and the scope, the client authenticated with HTTP
/// Basic (2.3.1). Caching is <see cref="RegistryTokenCache"/>'s. A typed client behind the standard
/// resilience handler: a token request changes nothing, so a retry is safe.
/// </summary>
public sealed class RegistryTokenClient(HttpClient http, IOptions<RegistryOptions> options, TimeProvider clock)
{
    /// <summary>Assumed when the endpoint gives no <c>expires_in</c>.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    /// <summary>A token is fetched anew this long before it expires (half its lifetime when that is shorter).</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly RegistryOptions _options = options.Value;

    /// <exception cref="RegistryException">The endpoint refused the credentials, or could not answer.</exception>
    public async Task<RegistryAccessToken> RequestAsync(CancellationToken ct)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!string.IsNullOrWhiteSpace(_options.Scope)) form["scope"] = _options.Scope;
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        var credentials = Uri.EscapeDataString(_options.ClientId ?? "") + ":" + Uri.EscapeDataString(_options.ClientSecret ?? "");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var requested = clock.GetUtcNow();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new RegistryException($"The registry's token endpoint could not be reached or did not answer in time ({ex.GetType().Name}).", isTransient: true, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
                var error = OAuthError(body);
                throw new RegistryException(
                    transient
                        ? $"The registry's token endpoint answered HTTP {(int)response.StatusCode}."
                        : $"The registry's token endpoint refused the client credentials (HTTP {(int)response.StatusCode}{(error is null ? "" : ", " + error)}); check Registry__ClientId, Registry__ClientSecret and Registry__Scope.",
                    transient);
            }

            return Read(body, requested);
        }
    }

    private static RegistryAccessToken Read(string body, DateTimeOffset requested)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(token.GetString()))
            {
                throw new RegistryException("The registry's token endpoint answered without an access_token.", isTransient: false);
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && Seconds(expires) is { } seconds && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultLifetime;
            var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
            return new RegistryAccessToken(token.GetString()!, requested + lifetime - margin);
        }
        catch (JsonException ex)
        {
            throw new RegistryException("The registry's token endpoint answered with something that is not JSON.", isTransient: false, ex);
        }
    }

    // Some servers send expires_in as a string.
    private static double? Seconds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The OAuth2 error code (<c>invalid_client</c>, <c>invalid_scope</c>, …); its description is left out, it may quote what was sent.</summary>
    private static string? OAuthError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
