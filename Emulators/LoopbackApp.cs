using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Emulators;

/// <summary>How every stand-in hosts itself: Kestrel on 127.0.0.1 only, routing, warnings to stderr.</summary>
public static class LoopbackApp
{
    /// <param name="port">0 for a free port.</param>
    /// <param name="kestrel">More Kestrel settings, e.g. a larger request body limit.</param>
    public static WebApplicationBuilder CreateBuilder(int port = 0, Action<KestrelServerOptions>? kestrel = null)
    {
        // The empty builder reads no appsettings or ASPNETCORE_* variables, so the host is the same wherever tests run.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LoopbackApp).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            kestrel?.Invoke(options);
        });
        builder.Services.AddRoutingCore();
        // Diagnostics go to stderr: as a process, a stand-in's stdout carries only what it is asked for.
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        return builder;
    }

    /// <summary>The started app's address, e.g. <c>http://127.0.0.1:54321</c> (no trailing slash).</summary>
    public static string AddressOf(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
}
