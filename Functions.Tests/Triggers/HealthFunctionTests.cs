using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Integration.Core.Operations;
using Integration.Functions.Tests.Harness;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Triggers;

/// <summary>The health functions' HTTP answers; storage is a loopback port nobody listens on.</summary>
public class HealthFunctionTests
{
    [Fact]
    public async Task TheAnonymousAnswerIsTheStatusCodeAlone()
    {
        await using var provider = ServicesWithStorageDown();
        var function = new HealthFunction(provider.GetRequiredService<DependencyHealth>());

        var response = await function.Run(new FakeRequest(new FakeContext(provider)), CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, response.Body.Length);
    }

    [Fact]
    public async Task TheDetailsAnswerServiceUnavailableWithAJsonBodyWhenStorageDoesNotAnswer()
    {
        await using var provider = ServicesWithStorageDown();
        var function = new HealthFunction(provider.GetRequiredService<DependencyHealth>());

        var response = await function.Details(new FakeRequest(new FakeContext(provider)), CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("application/json", Assert.Single(response.Headers.GetValues("Content-Type")), StringComparison.Ordinal);
        response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(response.Body);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["storage"], body.RootElement.GetProperty("down").EnumerateArray().Select(e => e.GetString()));
        var storage = body.RootElement.GetProperty("checks").GetProperty("storage");
        Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
        Assert.StartsWith("unreachable", storage.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The night cannot be read either; that makes it degraded, not a second thing down.
        Assert.Equal("Degraded", body.RootElement.GetProperty("checks").GetProperty("lastNight").GetProperty("status").GetString());
        var text = System.Text.Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
    }

    private static ServiceProvider ServicesWithStorageDown()
    {
        var connection = ClosedPort.StorageConnectionString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }).Build();
        var services = new ServiceCollection().AddLogging();
        Core.Hosting.IntegrationServiceCollectionExtensions.AddIntegration(services, configuration);
        services.Configure<Azure.Data.Tables.TableClientOptions>(o => o.Retry.MaxRetries = 0);
        services.Configure<Azure.Storage.Queues.QueueClientOptions>(o => o.Retry.MaxRetries = 0);
        return services.BuildServiceProvider();
    }

    private sealed class FakeContext(IServiceProvider services) : FunctionContext
    {
        public override string InvocationId => "test";

        public override string FunctionId => "health";

        public override TraceContext TraceContext => throw new NotSupportedException();

        public override BindingContext BindingContext => throw new NotSupportedException();

        public override RetryContext RetryContext => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = services;

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override IInvocationFeatures Features => throw new NotSupportedException();
    }

    private sealed class FakeRequest(FunctionContext context) : HttpRequestData(context)
    {
        public override Stream Body { get; } = new MemoryStream();

        public override HttpHeadersCollection Headers { get; } = [];

        public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

        public override Uri Url { get; } = new("http://127.0.0.1/api/health");

        public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

        public override string Method => "GET";

        public override HttpResponseData CreateResponse() => new FakeResponse(FunctionContext);
    }

    private sealed class FakeResponse(FunctionContext context) : HttpResponseData(context)
    {
        public override HttpStatusCode StatusCode { get; set; }

        public override HttpHeadersCollection Headers { get; set; } = [];

        public override Stream Body { get; set; } = new MemoryStream();

        public override HttpCookies Cookies => throw new NotSupportedException();
    }
}
