using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integration.Emulators.Teams;

/// <summary>
/// A loopback stand-in for a Teams Workflows webhook (the "When a Teams webhook request is received"
/// trigger). Like the real one it answers <c>202 Accepted</c> to any post that carries the right
/// signature, a card Teams cannot show included: the flow fails later, where the sender cannot see
/// it. So the stand-in records each post with the problems the flow would meet, for tests to read,
/// and can be made to throttle (429 with <c>Retry-After</c>), fail (5xx) or refuse (4xx).
/// </summary>
public sealed class TeamsWebhookStandIn : IAsyncDisposable
{
    private const string InvokePath = "/workflows/{workflow}/triggers/manual/paths/invoke";

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<WebhookPost> posts = [];
    private readonly List<int> refused = [];
    private readonly string workflowId;
    private readonly string signature;
    private readonly TimeProvider clock;

    private TeamsWebhookStandIn(WebApplication app, string workflowId, string signature, TimeProvider clock)
    {
        this.app = app;
        this.workflowId = workflowId;
        this.signature = signature;
        this.clock = clock;
    }

    /// <summary>
    /// The URL a flow owner copies from the trigger, in the shape Power Automate gives it: the
    /// workflow id in the path and a <c>sig</c> in the query, which is why the URL is a secret.
    /// </summary>
    public Uri WebhookUrl { get; private set; } = null!;

    public WebhookFaults Faults { get; } = new();

    /// <summary>Posts answered 202, in the order they arrived.</summary>
    public IReadOnlyList<WebhookPost> Posts
    {
        get
        {
            lock (gate)
            {
                return [.. posts];
            }
        }
    }

    /// <summary>Statuses of the posts answered otherwise (faults, a wrong signature), in order.</summary>
    public IReadOnlyList<int> Refused
    {
        get
        {
            lock (gate)
            {
                return [.. refused];
            }
        }
    }

    /// <summary>Starts listening on 127.0.0.1 on a free port (or <paramref name="port"/>).</summary>
    public static async Task<TeamsWebhookStandIn> StartAsync(int port = 0, TimeProvider? clock = null, CancellationToken ct = default)
    {
        var builder = LoopbackApp.CreateBuilder(port);
        var app = builder.Build();
        var standIn = new TeamsWebhookStandIn(app, Guid.NewGuid().ToString("N"), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), clock ?? TimeProvider.System);
        app.UseRouting();
        app.MapPost(InvokePath, (HttpContext http, string workflow) => standIn.InvokeAsync(http, workflow));
        app.MapFallback(http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await app.StartAsync(ct);
        standIn.WebhookUrl = new Uri(string.Create(CultureInfo.InvariantCulture,
            $"{LoopbackApp.AddressOf(app)}/workflows/{standIn.workflowId}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={standIn.signature}"));
        return standIn;
    }

    public void Clear()
    {
        lock (gate)
        {
            posts.Clear();
            refused.Clear();
        }
    }

    private async Task InvokeAsync(HttpContext http, string workflow)
    {
        var body = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(http.RequestAborted);
        if (workflow != workflowId)
        {
            await ErrorAsync(http, StatusCodes.Status404NotFound, "WorkflowNotFound", $"The workflow '{workflow}' could not be found.");
            return;
        }

        if (http.Request.Query["sig"] != signature)
        {
            await ErrorAsync(http, StatusCodes.Status401Unauthorized, "DirectApiAuthorizationRequired", "The request must be authenticated with a valid signature.");
            return;
        }

        if (Faults.TryTake() is { IsPass: false } fault)
        {
            if (fault.RetryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            var code = fault.Status == StatusCodes.Status429TooManyRequests ? "WorkflowRequestsThrottled" : "ServiceUnavailable";
            await ErrorAsync(http, fault.Status, code, "The request failed; try again later.");
            return;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            json = null;
        }

        lock (gate)
        {
            posts.Add(new WebhookPost(clock.GetUtcNow(), body, json, StatusCodes.Status202Accepted, FlowCardInspection.Inspect(body, json)));
        }

        http.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private async Task ErrorAsync(HttpContext http, int status, string code, string message)
    {
        lock (gate)
        {
            refused.Add(status);
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }), http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
