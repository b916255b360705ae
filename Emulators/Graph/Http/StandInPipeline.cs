using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// What happens to every request before and around routing: request ids, the log, latency,
/// injected faults, the resource-unit budget, and a Graph-shaped 500 when an endpoint throws. An operation
/// sent from a <c>$batch</c> envelope (<see cref="BatchEndpoint"/>) comes through here like any other. Control requests
/// (<see cref="ControlEndpoints.Prefix"/>) skip all of it, so they never show up in Graph request counts.
/// </summary>
internal static class StandInPipeline
{
    private static readonly object ChargedKey = new();

    public static void Use(WebApplication app, StandInContext context)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<GraphStandIn>();
        app.UseWhen(http => !http.Request.Path.StartsWithSegments(ControlEndpoints.Prefix), graph =>
        {
            graph.Use((http, next) => IdentifyAndLog(context, http, next));
            graph.Use((http, next) => DelayAsync(context, http, next));
            graph.Use((http, next) => InjectFaultsAsync(context, http, next));
            graph.Use((http, next) => MeterAsync(context, http, next));
            graph.Use((http, next) => RewriteBodiesAsync(context, http, next));
            graph.Use((http, next) => ShapeErrorsAsync(logger, http, next));
        });
        app.UseRouting();
    }

    private static Task IdentifyAndLog(StandInContext context, HttpContext http, RequestDelegate next)
    {
        var received = context.Options.Clock.GetUtcNow();
        RequestIdentity.Assign(http, received);
        var method = http.Request.Method;
        var path = http.Request.Path.Value ?? "";
        var pathAndQuery = PathAndQuery(http.Request);
        var batchId = http.Request.Headers[BatchEndpoint.Header].ToString();
        // Logged as the response starts, so a client that has its answer always finds the entry.
        http.Response.OnStarting(() =>
        {
            var kind = RequestClassifier.Classify(context.State, method, path);
            context.Requests.Add(new LoggedRequest(method, pathAndQuery, http.Response.StatusCode, received)
            {
                Kind = kind,
                BatchId = batchId.Length > 0 ? batchId : null,
                ResourceUnits = http.Items.TryGetValue(ChargedKey, out var units) ? (int)units! : 0,
            });
            return Task.CompletedTask;
        });
        return next(http);
    }

    private static async Task DelayAsync(StandInContext context, HttpContext http, RequestDelegate next)
    {
        var latency = context.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, http.RequestAborted);
        }

        await next(http);
    }

    private static Task InjectFaultsAsync(StandInContext context, HttpContext http, RequestDelegate next)
    {
        if (context.Faults.TryTake(PathAndQuery(http.Request)) is not { } fault)
        {
            return next(http);
        }

        if (fault.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return GraphErrors.WriteAsync(http, fault.Status, fault.Code, fault.Message);
    }

    // After the faults: an operation a fault answered was not served, so it is not charged.
    private static Task MeterAsync(StandInContext context, HttpContext http, RequestDelegate next)
    {
        var cost = ResourceUnitCost.Of(http.Request.Method, http.Request.Path.Value ?? "", http.Request.Query);
        if (cost == 0)
        {
            return next(http);
        }

        var decision = context.Budget.Charge(cost);
        if (decision.RateLimit is { } rate)
        {
            var headers = http.Response.Headers;
            headers["RateLimit-Limit"] = Invariant(rate.Limit);
            headers["RateLimit-Remaining"] = Invariant(rate.Remaining);
            headers["RateLimit-Reset"] = Invariant(rate.ResetSeconds);
        }

        if (!decision.Served)
        {
            http.Response.Headers.RetryAfter = Invariant(decision.RetryAfterSeconds);
            return GraphErrors.WriteAsync(http, 429, "activityLimitReached", "The request has been throttled");
        }

        http.Items[ChargedKey] = cost;
        return next(http);
    }

    // Only when a body fault or a page loop is set: the answer is held back, changed, and sent as raw text.
    private static async Task RewriteBodiesAsync(StandInContext context, HttpContext http, RequestDelegate next)
    {
        var pathAndQuery = PathAndQuery(http.Request);
        var loops = context.Faults.HasPageLoop(pathAndQuery);
        if (!loops && !context.Faults.HasBodyFault(pathAndQuery))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var body = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var looped = loops && http.Response.StatusCode == StatusCodes.Status200OK
            ? PageLoops.Apply(context.Faults, pathAndQuery, context.Origin + http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent(), body)
            : null;
        var bytes = context.Faults.TryApplyBodyFault(pathAndQuery, looped ?? body) is { } changed ? System.Text.Encoding.UTF8.GetBytes(changed)
            : looped is not null ? System.Text.Encoding.UTF8.GetBytes(looped)
            : buffer.ToArray();
        http.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, http.RequestAborted);
    }

    // An endpoint that throws still answers as Graph does, and the failure is logged.
    private static async Task ShapeErrorsAsync(ILogger logger, HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http);
        }
        catch (Exception exception) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(exception, "The Graph stand-in failed on {Method} {Path}", http.Request.Method, http.Request.Path);
            await GraphErrors.WriteAsync(http, 500, "generalException", "General exception while processing");
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string PathAndQuery(HttpRequest request) =>
        request.Path.Value + Uri.UnescapeDataString(request.QueryString.Value ?? "");
}
