using System.Buffers;
using System.Globalization;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>
/// SIF's RPC wire format: <c>POST /Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC/{Service}/{Operation}</c> with
/// <c>{"parameter":{…}}</c> and the key in <c>Authorization: authkey …</c> (or <c>?authkey=</c>). Business
/// errors are HTTP 200 with <c>Successful: false</c>; transport errors look like the ASP.NET Web API and
/// IIS answers behind SIF.
/// </summary>
internal sealed class SifEndpoint(SifCallContext context, string apiKey, SifFaults faults, SifRequestLog log, IHostApplicationLifetime lifetime, ILogger logger)
{
    public const string Prefix = "/Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Prefix + "/{service}/{operation}", (HttpContext http, string service, string operation) => HandleAsync(http, service, operation));
        routes.MapFallback(http => http.Request.Path.StartsWithSegments(Prefix) && !HttpMethods.IsPost(http.Request.Method)
            ? MessageAsync(http, StatusCodes.Status405MethodNotAllowed, $"The requested resource does not support http method '{http.Request.Method}'.")
            : MessageAsync(http, StatusCodes.Status404NotFound, $"No HTTP resource was found that matches the request URI '{http.Request.Path}'."));
    }

    private async Task HandleAsync(HttpContext http, string service, string operation)
    {
        var received = context.Now;
        if (!Authorized(http.Request, out var keyInQuery))
        {
            log.Add(new SifLoggedRequest(service, operation, 401, null, null, null, keyInQuery, received));
            await MessageAsync(http, StatusCodes.Status401Unauthorized, "Authorization has been denied for this request.");
            return;
        }

        if (!SifOperations.All.TryGetValue(service + "/" + operation, out var known))
        {
            log.Add(new SifLoggedRequest(service, operation, 404, null, null, null, keyInQuery, received));
            await MessageAsync(http, StatusCodes.Status404NotFound, $"No HTTP resource was found that matches the request URI '{http.Request.Path}'.");
            return;
        }

        // The whole body is read before any fault, so a client still sending a large file gets the answer, not a reset.
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        var fault = faults.TryTake(known.Service, known.Name);
        var entry = new SifLoggedRequest(known.Service, known.Name, 200, null, null, fault?.Kind, keyInQuery, received)
        {
            Body = body.Length <= SifLoggedRequest.KeptBodyBytes ? Encoding.UTF8.GetString(body.Span) : null,
        };

        switch (fault?.Kind)
        {
            case SifFaultKind.Slow:
                await HoldAsync(fault.Delay);
                break;
            case SifFaultKind.ServerError:
                log.Add(entry with { Status = 500 });
                await MessageAsync(http, StatusCodes.Status500InternalServerError, "An error has occurred.");
                return;
            case SifFaultKind.Unavailable:
                log.Add(entry with { Status = 503 });
                await UnavailableAsync(http, fault.RetryAfter);
                return;
            case SifFaultKind.BusinessError:
                log.Add(entry with { Successful = false, ErrorMessage = fault.Message });
                await SendAsync(http, Failure(fault.Message!, fault.Details));
                return;
        }

        byte[] answer;
        bool successful;
        string? error = null;
        try
        {
            answer = fault?.Kind is SifFaultKind.EndlessPages or SifFaultKind.RepeatedPage
                ? EndlessPaging.Run(fault.Kind, body, paged => Run(known, paged))
                : Run(known, body);
            successful = true;
        }
        catch (SifBusinessException refused)
        {
            answer = Failure(refused.Message, refused.Details);
            successful = false;
            error = refused.Message;
        }
        catch (JsonException notJson)
        {
            log.Add(entry with { Status = 400 });
            await MessageAsync(http, StatusCodes.Status400BadRequest, "The request is invalid.", notJson.Message);
            return;
        }

        if (fault?.Kind == SifFaultKind.LostAnswer)
        {
            log.Add(entry with { Status = 0, Successful = successful, ErrorMessage = error });
            http.Abort();
            return;
        }

        log.Add(entry with { Successful = successful, ErrorMessage = error });
        await SendAsync(http, answer);
    }

    // Not cancelled when the caller gives up: a server that is merely slow still does the work. Only a stop ends the wait.
    private async Task HoldAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping: carry on so the request ends.
        }
    }

    private bool Authorized(HttpRequest request, out bool keyInQuery)
    {
        keyInQuery = false;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("authkey ", StringComparison.OrdinalIgnoreCase))
        {
            return string.Equals(header["authkey ".Length..].Trim(), apiKey, StringComparison.Ordinal);
        }

        if (request.Query.TryGetValue("authkey", out var key))
        {
            keyInQuery = true;
            return string.Equals(key.ToString(), apiKey, StringComparison.Ordinal);
        }

        return false;
    }

    private byte[] Run(SifOperation operation, ReadOnlyMemory<byte> body)
    {
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var split = body.IsEmpty ? null : LargeStrings.Split(body);
        using var document = body.IsEmpty ? null : LenientJson.Parse(split?.Skeleton ?? body);
        SifParameter parameter;
        if (document?.RootElement is { ValueKind: JsonValueKind.Object } root && new SifParameter(root, split?.Table).Object("parameter") is { } given)
        {
            parameter = given;
        }
        else if (operation.NeedsParameter)
        {
            throw new SifBusinessException("The request has no parameter object: send {\"parameter\": {…}}.");
        }
        else
        {
            parameter = SifParameter.Empty;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            operation.Handle(parameter, context, writer);
            writer.WriteBoolean("Successful", true);
            writer.WriteNull("ErrorMessage");
            writer.WriteNull("ErrorDetails");
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static byte[] Failure(string message, string? details)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("Successful", false);
            writer.WriteString("ErrorMessage", message);
            writer.WriteString("ErrorDetails", details);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is { } length and <= int.MaxValue)
        {
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, ct);
            return exact;
        }

        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, ct);
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    private async Task SendAsync(HttpContext http, byte[] body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = body.Length;
        try
        {
            await http.Response.Body.WriteAsync(body, lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (http.RequestAborted.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The caller left (a slow answer it stopped waiting for); the work is done all the same.
            logger.LogDebug(exception, "SIF stand-in: the caller left before the answer was sent");
        }
    }

    private static Task MessageAsync(HttpContext http, int status, string message, string? detail = null)
    {
        http.Response.StatusCode = status;
        var body = detail is null
            ? new Dictionary<string, string> { ["Message"] = message }
            : new Dictionary<string, string> { ["Message"] = message, ["MessageDetail"] = detail };
        return http.Response.WriteAsJsonAsync(body);
    }

    private static Task UnavailableAsync(HttpContext http, TimeSpan? retryAfter)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        http.Response.ContentType = MediaTypeNames.Text.Html;
        return http.Response.WriteAsync(
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www.w3.org/TR/html4/strict.dtd\">\r\n"
            + "<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV=\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n"
            + "<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n",
            Encoding.ASCII);
    }
}
