using Azure;
using Azure.Identity;

namespace Integration.Core.Storage;

/// <summary>
/// Storage could not be reached or refused us: no token for the identity, no answer from the
/// endpoint, or a refusal such as a missing role. The message names the endpoint (never a key)
/// and the first line of the cause, so an operator reads one line, not a stack trace.
/// </summary>
public sealed class StorageUnavailableException(Uri endpoint, string resource, Exception inner)
    : Exception($"Storage at {endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')} cannot be used (creating '{resource}'): {Describe(inner)}", inner)
{
    public Uri Endpoint { get; } = endpoint;

    internal static bool IsStorageFailure(Exception ex) =>
        ex is RequestFailedException or AuthenticationFailedException or HttpRequestException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsStorageFailure));

    private static string Describe(Exception ex)
    {
        // The SDK's retry policy wraps every try's failure; the last one says it best.
        while (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate) ex = aggregate.InnerExceptions[^1];
        var kind = ex is AuthenticationFailedException ? "no token for the storage identity" : ex.GetType().Name;
        var first = ex.Message.Split('\n', 2)[0].Trim();
        return $"{kind}: {first}";
    }
}
