using System.Text.Json;
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

    [Fact]
    public void AFunctionMayRunLongEnoughForAFullResync()
    {
        Assert.True(TimeSpan.Parse(Load().GetProperty("functionTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >= TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void TheFunctionsBuildCopiesHostJson()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "host.json")));
    }
}
