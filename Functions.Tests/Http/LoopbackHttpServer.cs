using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Http;

/// <summary>
/// A Kestrel server on 127.0.0.1 and a free port that answers every request with
/// <c>respond(context, hit)</c>, where <c>hit</c> counts requests from 1, and counts them.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int hits;

    private LoopbackHttpServer(WebApplication app) => this.app = app;

    /// <summary>e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests that reached the server.</summary>
    public int Hits => Volatile.Read(ref hits);

    public static async Task<LoopbackHttpServer> StartAsync(Func<HttpContext, int, Task> respond)
    {
        // The empty builder reads no appsettings or ASPNETCORE_* variables and logs nothing.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackHttpServer(app);
        app.Run(context => respond(context, Interlocked.Increment(ref server.hits)));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Answers every request with <paramref name="status"/> and an empty body.</summary>
    public static Task<LoopbackHttpServer> StartAsync(Func<int, HttpStatusCode> status) =>
        StartAsync((context, hit) =>
        {
            context.Response.StatusCode = (int)status(hit);
            return Task.CompletedTask;
        });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
