using Azure;
using Azure.Identity;

namespace Integration.Core.Storage;

/// <summary>
/// Storage could not be reached or refused us: no token for the identity, no answer from the
/// endpoint, or a refusal such as a missing role. The message names the endpoint (never a key)
/// and the first line of the cause, so an operator reads one line, not a stack trace.
/// </summary>
/// <param name="doing">What was being done, e.g. "creating 'PlanItems'" or "writing to 'PlanItems'".</param>
public sealed class StorageUnavailableException(Uri endpoint, string doing, Exception inner)
    : Exception($"Storage at {endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')} cannot be used ({doing}): {Describe(inner)}", inner)
{
    public Uri Endpoint { get; } = endpoint;

    internal static bool IsStorageFailure(Exception ex) =>
        ex is RequestFailedException or AuthenticationFailedException or HttpRequestException
        || (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsStorageFailure));

    /// <summary>
    /// An Azure SDK client got no answer at all (no connection, or none in time), as opposed to a
    /// refusal of one request. Graph's failures are never this type.
    /// </summary>
    public static bool IsUnreachable(Exception ex) =>
        ex is RequestFailedException { Status: 0 }
        || (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate && aggregate.InnerExceptions.All(IsUnreachable));

    private static string Describe(Exception ex)
    {
        // The SDK's retry policy wraps every try's failure; the last one says it best.
        while (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate) ex = aggregate.InnerExceptions[^1];
        var kind = ex is AuthenticationFailedException ? "no token for the storage identity" : ex.GetType().Name;
        var first = ex.Message.Split('\n', 2)[0].Trim();
        return $"{kind}: {first}";
    }
}
