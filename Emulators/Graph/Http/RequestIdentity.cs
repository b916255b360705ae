using Microsoft.AspNetCore.Http;

namespace Integration.Emulators.Graph.Http;

/// <summary>The ids Graph stamps on every answer and repeats in error bodies, as support would ask for them.</summary>
internal sealed record RequestIdentity(string RequestId, string ClientRequestId, DateTimeOffset Received)
{
    private static readonly object Key = new();

    public static RequestIdentity Of(HttpContext http) => (RequestIdentity)http.Items[Key]!;

    public static RequestIdentity Assign(HttpContext http, DateTimeOffset received)
    {
        var clientRequestId = http.Request.Headers["client-request-id"].ToString();
        var identity = new RequestIdentity(
            Guid.NewGuid().ToString(), clientRequestId.Length > 0 ? clientRequestId : Guid.NewGuid().ToString(), received);
        http.Items[Key] = identity;
        http.Response.Headers["request-id"] = identity.RequestId;
        http.Response.Headers["client-request-id"] = identity.ClientRequestId;
        return identity;
    }
}
