using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>Graph's error body: <c>{"error":{"code","message","innerError":{date, request-id, client-request-id}}}</c>.</summary>
internal static class GraphErrors
{
    public static IResult NotFound(string message = "The resource could not be found.") => Result(404, "itemNotFound", message);

    public static IResult BadRequest(string message) => Result(400, "invalidRequest", message);

    public static IResult Result(int status, string code, string message, string? location = null) =>
        new ErrorResult(status, code, message, location);

    public static Task WriteAsync(HttpContext http, int status, string code, string message)
    {
        var identity = RequestIdentity.Of(http);
        return GraphJson.WriteAsync(http.Response, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            writer.WriteStartObject("innerError");
            writer.WriteString("date", identity.Received.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            writer.WriteString("request-id", identity.RequestId);
            writer.WriteString("client-request-id", identity.ClientRequestId);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    private sealed class ErrorResult(int status, string code, string message, string? location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            return WriteAsync(httpContext, status, code, message);
        }
    }
}
