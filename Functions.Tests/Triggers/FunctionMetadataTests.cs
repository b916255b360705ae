using System.Text.Json;
using Integration.Core.Hosting;
using Integration.Core.Queues;

namespace Integration.Functions.Tests.Triggers;

/// <summary>
/// The trigger wiring as the Functions host will read it: the <c>functions.metadata</c> that the
/// worker SDK writes into the build output.
/// </summary>
public class FunctionMetadataTests
{
    private static readonly JsonElement[] Functions = Load();

    private static JsonElement[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static JsonElement Trigger(string function)
    {
        var f = Functions.Single(x => x.GetProperty("name").GetString() == function);
        return f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
    }

    [Fact]
    public void HasExactlyTheEightFunctions()
    {
        Assert.Equal(["CaseRegistration", "NightlySync", "NotificationDigest", "Notifications", "OverdueScan", "StatusReport", "SyncSource", "health", "healthDetails"], Functions.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("NightlySync", "%Schedules:NightlySync%")]
    [InlineData("OverdueScan", "%Schedules:OverdueScan%")]
    [InlineData("NotificationDigest", "%Schedules:NotificationDigest%")]
    [InlineData("StatusReport", "%Schedules:StatusReport%")]
    public void TimersTakeTheirScheduleFromSettings(string function, string schedule)
    {
        var trigger = Trigger(function);
        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
    }

    [Theory]
    [InlineData("SyncSource", QueueNames.SyncSource)]
    [InlineData("CaseRegistration", QueueNames.CaseRegistration)]
    [InlineData("Notifications", QueueNames.Notifications)]
    public void QueueFunctionsListenOnTheirQueue(string function, string queue)
    {
        var trigger = Trigger(function);
        Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
        Assert.Equal(IntegrationServiceCollectionExtensions.StorageConnection, trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void HealthIsAnAnonymousGet()
    {
        var trigger = Trigger("health");
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("health", trigger.GetProperty("route").GetString());
    }

    [Fact]
    public void HealthDetailsNeedAFunctionKey()
    {
        var trigger = Trigger("healthDetails");
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Equal(["get"], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("health/details", trigger.GetProperty("route").GetString());
    }
}
