using System.Net;
using Integration.Core.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Integration.Functions.Tests.Http;

/// <summary>
/// A typed client registered through <see cref="OutboundHttp"/>, against a real loopback server:
/// what the resilience handler retries, and when the circuit opens.
/// </summary>
public class OutboundHttpTests
{
    /// <summary>Stands for a connector: a typed client that treats any non-success as failure.</summary>
    public sealed class PingClient(HttpClient http)
    {
        public async Task<HttpStatusCode> PingAsync()
        {
            using var response = await http.GetAsync(new Uri("ping", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            return response.StatusCode;
        }
    }

    /// <summary>The production limits, but no wait between retries, so the tests take milliseconds.</summary>
    private static void NoBackoff(HttpStandardResilienceOptions options)
    {
        options.Retry.Delay = TimeSpan.Zero;
        options.Retry.BackoffType = DelayBackoffType.Constant;
        options.Retry.UseJitter = false;
    }

    private static ServiceProvider Services(LoopbackHttpServer server, Action<HttpStandardResilienceOptions>? configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOutboundHttp();
        services.AddOutboundHttpClient<PingClient>(client => client.BaseAddress = server.BaseAddress, configure);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task TheProductionLimitsPassTheLibrarysValidation()
    {
        await using var server = await LoopbackHttpServer.StartAsync(_ => HttpStatusCode.OK);
        await using var services = Services(server, configure: null);

        Assert.Equal(HttpStatusCode.OK, await services.GetRequiredService<PingClient>().PingAsync());
        Assert.Equal(1, server.Hits);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task RetriesATransientFailure(HttpStatusCode first)
    {
        await using var server = await LoopbackHttpServer.StartAsync(hit => hit == 1 ? first : HttpStatusCode.OK);
        await using var services = Services(server, NoBackoff);

        Assert.Equal(HttpStatusCode.OK, await services.GetRequiredService<PingClient>().PingAsync());
        Assert.Equal(2, server.Hits);
    }

    [Fact]
    public async Task DoesNotRetryAClientError()
    {
        await using var server = await LoopbackHttpServer.StartAsync(_ => HttpStatusCode.BadRequest);
        await using var services = Services(server, NoBackoff);

        await Assert.ThrowsAsync<HttpRequestException>(() => services.GetRequiredService<PingClient>().PingAsync());
        Assert.Equal(1, server.Hits);
    }

    [Fact]
    public async Task OpensTheCircuitOnAFailingServerAndThenFailsWithoutCallingIt()
    {
        await using var server = await LoopbackHttpServer.StartAsync(_ => HttpStatusCode.InternalServerError);
        await using var services = Services(server, NoBackoff);
        var client = services.GetRequiredService<PingClient>();

        // Each call makes 1 + MaxRetryAttempts attempts; the breaker opens at the attempt that
        // brings the failures to its minimum throughput.
        Exception? failure = null;
        for (var call = 0; call < 10 && failure is not BrokenCircuitException; call++)
        {
            failure = await Record.ExceptionAsync(client.PingAsync);
            Assert.True(failure is HttpRequestException or BrokenCircuitException, $"Unexpected: {failure}");
        }

        Assert.IsType<BrokenCircuitException>(failure, exactMatch: false);
        Assert.Equal(OutboundHttp.CircuitMinimumThroughput, server.Hits);

        // Open: the next calls fail at once, and the server sees none of them.
        await Assert.ThrowsAnyAsync<BrokenCircuitException>(client.PingAsync);
        await Assert.ThrowsAnyAsync<BrokenCircuitException>(client.PingAsync);
        Assert.Equal(OutboundHttp.CircuitMinimumThroughput, server.Hits);
    }
}
