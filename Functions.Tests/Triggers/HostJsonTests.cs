using System.Globalization;
using System.Text.Json;
using Integration.Core.Sync.State;
using Integration.Emulators.Azurite;

namespace Integration.Functions.Tests.Triggers;

/// <summary>The host.json values the code depends on.</summary>
public class HostJsonTests
{
    private static readonly JsonElement Queues = Load().GetProperty("extensions").GetProperty("queues");

    private static JsonElement Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public void QueueMessagesAreBase64AsTheCodeSendsThem()
    {
        // Core's QueueServiceClient is built with QueueMessageEncoding.Base64 (AddIntegration).
        Assert.Equal("base64", Queues.GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void AFailingMessageIsRetriedAFewTimesBeforeThePoisonQueue()
    {
        Assert.InRange(Queues.GetProperty("maxDequeueCount").GetInt32(), 2, 10);
    }

    /// <summary>host.json's functionTimeout, e.g. "00:30:00"; "-1" (unbounded) parses as a negative span.</summary>
    private static TimeSpan FunctionTimeout => TimeSpan.Parse(Load().GetProperty("functionTimeout").GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public void AFunctionMayRunLongEnoughForAFullResync()
    {
        Assert.True(FunctionTimeout >= TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void NoRunOutlivesTheDigestsMaxRunTime()
    {
        // A "writing" mark older than MaxRunTime is taken as left by a dead run. That only holds
        // while the host stops every run before then: raise functionTimeout, raise MaxRunTime too.
        Assert.True(FunctionTimeout > TimeSpan.Zero, "host.json must bound functionTimeout; the digest protocol relies on it.");
        Assert.True(SyncDigestStore.MaxRunTime >= FunctionTimeout,
            $"host.json functionTimeout {FunctionTimeout} is longer than SyncDigestStore.MaxRunTime {SyncDigestStore.MaxRunTime}.");
    }

    [Fact]
    public void TheFunctionsBuildCopiesHostJson()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "host.json")));
    }
}
