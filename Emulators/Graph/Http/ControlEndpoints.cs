using System.Text.Encodings.Web;
using System.Text.Json;
using Integration.Emulators.Bench;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// The stand-in's own API for a benchmark that runs it as a separate process: seed and mutate a source,
/// read and clear the Graph request counts and the file downloads, set the latency and the resource-unit budget. Outside <c>/v1.0</c>, so nothing
/// here can be mistaken for Graph, and not counted with Graph requests.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_standin";

    // Messages stay readable (quotes and Swedish letters unescaped); this is loopback test tooling, not HTML.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One more source for the bench is one more entry here.
    private static readonly Dictionary<string, IBenchGenerator> Generators =
        new IBenchGenerator[] { new PlanItemGenerator(), new MeetingNoteGenerator() }.ToDictionary(g => g.Source, StringComparer.OrdinalIgnoreCase);

    public static void Map(IEndpointRouteBuilder app, StandInContext context)
    {
        var control = app.MapGroup(Prefix);
        control.MapPost("/{source}/seed", (HttpContext http, string source) =>
            RunAsync<SeedRequest>(http, source, (generator, request) => generator.Seed(context.State, request)));
        control.MapPost("/{source}/mutate", (HttpContext http, string source) =>
            RunAsync<MutationRequest>(http, source, (generator, request) => generator.Mutate(context.State, request)));
        control.MapGet("/requests", () => Results.Json(RequestCountsJson.From(context.Requests.CountByKind()), Json));
        control.MapGet("/downloads", () => Results.Json(context.Requests.Downloads, Json));
        control.MapPost("/requests/clear", () =>
        {
            context.Requests.Clear();
            return Results.NoContent();
        });
        control.MapPost("/latency", async (HttpContext http) =>
        {
            var body = await ReadAsync<LatencyRequest>(http);
            if (body is not { Ms: >= 0 })
            {
                return Error(400, "Send {\"ms\": n} with n ≥ 0.");
            }

            context.Latency = TimeSpan.FromMilliseconds(body.Ms);
            return Results.Json(body, Json);
        });
        control.MapGet("/budget", () => Results.Json(ResourceUnitBudgetJson.From(context.Budget), Json));
        control.MapPost("/budget", async (HttpContext http) =>
        {
            var body = await ReadAsync<ResourceUnitBudgetJson>(http);
            if (body is null or { Units: <= 0 } or { WindowMs: <= 0 })
            {
                return Error(400, "Send {\"units\": n, \"windowMs\": m} with n > 0 (null turns the budget off) and m > 0 (default 60000).");
            }

            var state = body.ToState();
            context.Budget.Set(state.Limit, state.Window);
            return Results.Json(ResourceUnitBudgetJson.From(context.Budget), Json);
        });
    }

    private static async Task<IResult> RunAsync<TRequest>(HttpContext http, string source, Func<IBenchGenerator, TRequest, object> run)
        where TRequest : class
    {
        if (!Generators.TryGetValue(source, out var generator))
        {
            return Error(404, $"No generator '{source}'. Known: {string.Join(", ", Generators.Keys)}.");
        }

        if (await ReadAsync<TRequest>(http) is not { } request)
        {
            return Error(400, $"The body must be a JSON object like {typeof(TRequest).Name} (camelCase, dates as yyyy-MM-dd).");
        }

        try
        {
            return Results.Json(run(generator, request), Json);
        }
        catch (ArgumentException exception)
        {
            return Error(400, exception.Message);
        }
        catch (KeyNotFoundException exception)
        {
            return Error(404, exception.Message);
        }
        catch (InvalidOperationException exception)
        {
            return Error(409, exception.Message);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, Json, statusCode: status);

    private sealed record LatencyRequest(int Ms);
}
