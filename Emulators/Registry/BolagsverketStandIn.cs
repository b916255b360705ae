using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integration.Emulators.Registry;

/// <summary>
/// A loopback stand-in for Bolagsverket's "värdefulla datamängder" API and its OAuth2 token endpoint.
/// <c>POST /oauth2/token</c> takes the client credentials grant (the client in HTTP Basic or in the form)
/// and hands out bearer tokens that expire on <see cref="BolagsverketStandInOptions.Clock"/>;
/// <c>POST /vardefulla-datamangder/v1/organisationer</c> answers <c>{"identitetsbeteckning":"…"}</c> in the
/// published shape, an unknown number with HTTP 200 and <c>ORGANISATION_FINNS_EJ</c>, and refuses a missing,
/// unknown or expired token with 401 and a bad request with 400, both as RFC 7807 problem documents. It can
/// enforce a rate limit, inject faults (<see cref="Faults"/>), revoke tokens, and counts every call.
/// </summary>
public sealed partial class BolagsverketStandIn : IAsyncDisposable
{
    public const string TokenPath = "/oauth2/token";
    public const string ApiPrefix = "/vardefulla-datamangder/v1";
    public const string OrganisationerPath = "/organisationer";
    public const string ReadScope = "vardefulla-datamangder:read";

    private readonly WebApplication app;
    private readonly BolagsverketStandInOptions options;
    private readonly ConcurrentDictionary<string, RegisteredCompany> companies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, string Scope)> tokens = new(StringComparer.Ordinal);
    private readonly Lock rateGate = new();
    private readonly Queue<DateTimeOffset> recentLookups = new();
    private string origin = "";

    private BolagsverketStandIn(WebApplication app, BolagsverketStandInOptions options, string clientId, string clientSecret)
    {
        this.app = app;
        this.options = options;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>What <c>Registry__BaseUrl</c> is set to, e.g. <c>http://127.0.0.1:54321/vardefulla-datamangder/v1</c>.</summary>
    public Uri BaseUrl => new(origin + ApiPrefix);

    /// <summary>What <c>Registry__TokenUrl</c> is set to.</summary>
    public Uri TokenUrl => new(origin + TokenPath);

    public BolagsverketFaults Faults { get; } = new();

    public BolagsverketRequestLog Requests { get; } = new();

    /// <summary>The scopes each token was asked with, in order.</summary>
    public ConcurrentQueue<string> RequestedScopes { get; } = new();

    public static async Task<BolagsverketStandIn> StartAsync(string clientId, string clientSecret, BolagsverketStandInOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        options ??= new BolagsverketStandInOptions();
        var app = LoopbackApp.CreateBuilder(options.Port).Build();
        var standIn = new BolagsverketStandIn(app, options, clientId, clientSecret);
        app.UseRouting();
        standIn.Map(app);
        await app.StartAsync(ct);
        standIn.origin = LoopbackApp.AddressOf(app);
        return standIn;
    }

    /// <summary>Registers an organisation; its number as ten digits, with or without the hyphen.</summary>
    public RegisteredCompany Add(RegisteredCompany company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var digits = company.Digits.Replace("-", "", StringComparison.Ordinal);
        var stored = company with { Digits = digits };
        companies[digits] = stored;
        return stored;
    }

    /// <summary>Every token handed out so far is refused from now on, as after a key rotation.</summary>
    public void RevokeTokens() => tokens.Clear();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private DateTimeOffset Now => options.Clock.GetUtcNow();

    private void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(TokenPath, TokenAsync);
        routes.MapPost(ApiPrefix + OrganisationerPath, OrganisationerAsync);
        routes.MapGet(ApiPrefix + "/isalive", (HttpContext http) => Authorized(http, out _) is null ? Results.Text("OK") : Results.Text("Unauthorized", statusCode: 401));
    }

    private async Task TokenAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var (id, secret) = BasicCredentials(http.Request) ?? (form?["client_id"].ToString(), form?["client_secret"].ToString());
        int status;
        object body;
        if (form?["grant_type"].ToString() != "client_credentials")
        {
            (status, body) = (400, new Dictionary<string, string> { ["error"] = "unsupported_grant_type", ["error_description"] = "Unsupported grant_type value" });
        }
        else if (id != ClientId || secret != ClientSecret)
        {
            (status, body) = (401, new Dictionary<string, string> { ["error"] = "invalid_client", ["error_description"] = "A valid OAuth client could not be found for client_id" });
        }
        else
        {
            var scope = form["scope"].ToString();
            RequestedScopes.Enqueue(scope);
            var token = Guid.NewGuid().ToString("N");
            tokens[token] = (Now + options.TokenLifetime, scope.Length == 0 ? "default" : scope);
            (status, body) = (200, new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["scope"] = scope.Length == 0 ? "default" : scope,
                ["token_type"] = "Bearer",
                ["expires_in"] = (long)options.TokenLifetime.TotalSeconds,
            });
        }

        Requests.Add(new BolagsverketLoggedRequest(TokenPath, status, null, null, Now));
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(body, http.RequestAborted);
    }

    private async Task OrganisationerAsync(HttpContext http)
    {
        var requestId = http.Request.Headers["X-Request-Id"].ToString() is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
        var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(http.RequestAborted);
        var identity = Identity(body, out var parseError);

        if (Authorized(http, out var scope) is { } refusal)
        {
            await ProblemAsync(http, identity, requestId, 401, "urn:bolagsverket:error:auth", refusal.Instance, "Unauthorized", refusal.Detail);
            return;
        }

        if (!scope!.Split(' ').Contains(ReadScope))
        {
            await ProblemAsync(http, identity, requestId, 403, "urn:bolagsverket:error:auth", "auth.scope", "Forbidden", $"The token lacks the scope {ReadScope}.");
            return;
        }

        if (RetryAfterLimit() is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ProblemAsync(http, identity, requestId, 429, "about:blank", "throttling", "Too Many Requests", "Message throttled out");
            return;
        }

        var fault = Faults.TryTake();
        if (fault is { ScbUnavailable: false })
        {
            if (fault.RetryAfter is { } retryAfter) http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ProblemAsync(http, identity, requestId, fault.Status, fault.Type, fault.Instance, fault.Title, fault.Detail);
            return;
        }

        if (parseError is not null)
        {
            await ProblemAsync(http, identity, requestId, 400, "urn:bolagsverket:error:validation", "validation.client", "Bad Request", parseError);
            return;
        }

        var digits = identity!.Length == 12 ? identity[2..] : identity;
        if (!LuhnValid(digits))
        {
            await ProblemAsync(http, identity, requestId, 400, "urn:bolagsverket:error:validation", "validation.client", "Bad Request", "Identitetsbeteckning har ogiltig kontrollsiffra.");
            return;
        }

        companies.TryGetValue(digits, out var company);
        Requests.Add(new BolagsverketLoggedRequest(OrganisationerPath, 200, identity, requestId, Now));
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(OrganisationerJson.Write(identity, company, fault?.ScbUnavailable == true), http.RequestAborted);
    }

    /// <summary>Null when the bearer token is valid; otherwise the problem's instance and detail.</summary>
    private (string Instance, string Detail)? Authorized(HttpContext http, out string? scope)
    {
        scope = null;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return ("auth.token_missing", "Access token is missing");
        if (!tokens.TryGetValue(header["Bearer ".Length..].Trim(), out var token)) return ("auth.token_invalid", "Access token is invalid");
        if (Now >= token.Expires) return ("auth.token_expired", "Access token has expired");
        scope = token.Scope;
        return null;
    }

    /// <summary>How long until another lookup is taken, when the limit is reached; counts the lookup otherwise.</summary>
    private TimeSpan? RetryAfterLimit()
    {
        if (options.RequestsPerMinute is not { } limit) return null;
        lock (rateGate)
        {
            var now = Now;
            while (recentLookups.Count > 0 && recentLookups.Peek() <= now - TimeSpan.FromMinutes(1)) recentLookups.Dequeue();
            if (recentLookups.Count >= limit) return recentLookups.Peek() + TimeSpan.FromMinutes(1) - now;
            recentLookups.Enqueue(now);
            return null;
        }
    }

    private async Task ProblemAsync(HttpContext http, string? identity, string requestId, int status, string type, string instance, string title, string? detail)
    {
        Requests.Add(new BolagsverketLoggedRequest(OrganisationerPath, status, identity, requestId, Now));
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/problem+json";
        var problem = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["instance"] = instance,
            ["status"] = status,
            ["timestamp"] = Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["requestId"] = requestId,
            ["title"] = title,
            ["detail"] = detail,
        };
        await http.Response.WriteAsync(JsonSerializer.Serialize(problem), http.RequestAborted);
    }

    /// <summary>The identitetsbeteckning, or why the body is refused (in the API's own words where known).</summary>
    private static string? Identity(string body, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("identitetsbeteckning", out var value) || value.ValueKind != JsonValueKind.String)
            {
                error = "identitetsbeteckning saknas.";
                return null;
            }

            var identity = value.GetString()!;
            if (!IdentityPattern().IsMatch(identity)) error = "Identitetsbeteckning har felaktigt format.";
            return identity;
        }
        catch (JsonException)
        {
            error = "JSON parse error";
            return null;
        }
    }

    private static (string? Id, string? Secret)? BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
    }

    private static bool LuhnValid(string tenDigits)
    {
        if (tenDigits.Length != 10) return true;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return (10 - sum % 10) % 10 == tenDigits[9] - '0';
    }

    // The published pattern: a personal identity number with or without its century, ten digits, or a GD number.
    [GeneratedRegex(@"^(19|20)?\d{2}(0[1-9]|1[0-2])((0|6)[1-9]|(1|2|7|8)[0-9]|(3|9)[01])\d{4}$|^\d{10}$|^302\d{8}$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex IdentityPattern();
}
