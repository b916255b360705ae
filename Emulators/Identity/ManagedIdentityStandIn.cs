using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Emulators.Identity;

/// <summary>
/// A loopback stand-in for the managed-identity token endpoint that App Service and Functions give
/// an app (<c>IDENTITY_ENDPOINT</c> with the <c>X-IDENTITY-HEADER</c> secret, api-version
/// 2019-08-01). Pointing a process's <c>IDENTITY_ENDPOINT</c> here lets the real
/// <c>ManagedIdentityCredential</c> get a token without reaching for the instance metadata
/// service, which is not on loopback.
/// </summary>
public sealed class ManagedIdentityStandIn : IAsyncDisposable
{
    /// <summary>The secret the endpoint expects in <c>X-IDENTITY-HEADER</c>, as <c>IDENTITY_HEADER</c>.</summary>
    public const string Header = "stand-in-identity-header";

    private readonly WebApplication _app;
    private int _tokens;

    private ManagedIdentityStandIn(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The value for <c>IDENTITY_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Tokens handed out so far.</summary>
    public int TokensIssued => Volatile.Read(ref _tokens);

    /// <summary>The environment a process needs to use this endpoint as its managed identity.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["IDENTITY_ENDPOINT"] = Endpoint.ToString(),
        ["IDENTITY_HEADER"] = Header,
    };

    public static async Task<ManagedIdentityStandIn> StartAsync(CancellationToken ct = default)
    {
        var builder = LoopbackApp.CreateBuilder();
        var app = builder.Build();
        var standIn = new ManagedIdentityStandIn(app);
        app.MapGet("/msi/token", standIn.IssueAsync);
        await app.StartAsync(ct);

        standIn.Endpoint = new Uri(LoopbackApp.AddressOf(app) + "/msi/token");
        return standIn;
    }

    private async Task IssueAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (context.Request.Headers["X-IDENTITY-HEADER"] != Header)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_request", error_description = "X-IDENTITY-HEADER is missing or wrong." });
            return;
        }

        if (string.IsNullOrEmpty(query["resource"]))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_request", error_description = "resource is required." });
            return;
        }

        Interlocked.Increment(ref _tokens);
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        await context.Response.WriteAsJsonAsync(new Dictionary<string, string>
        {
            ["access_token"] = "stand-in-token-" + Guid.NewGuid().ToString("N"),
            ["expires_on"] = expires.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = query["resource"].ToString(),
            ["token_type"] = "Bearer",
            ["client_id"] = query["client_id"].ToString(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
