using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>An endpoint's JSON answer; the body is written from immutable records, outside any list lock.</summary>
internal sealed class GraphJsonResult(int statusCode, Action<Utf8JsonWriter> body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => GraphJson.WriteAsync(httpContext.Response, statusCode, body);
}
