using Azure.Storage.Queues;
using Integration.Core.Hosting;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integration.Cli.Hosting;

/// <summary>Builds the CLI's host: the Core services plus the WebJobs queue listener.</summary>
internal static class CliHost
{
    /// <summary>
    /// Queue settings for a local run. They follow host.json except that retries come quickly
    /// and the queue is polled often, so a run does not sit idle between messages.
    /// </summary>
    public const int MaxDequeueCount = 3;

    /// <param name="compose">The composition root; <c>AddIntegration</c> unless a test leaves a feature out.</param>
    public static IHost Build(IConfiguration configuration, bool verbose, Action<IServiceCollection, IConfiguration>? compose = null)
    {
        return new HostBuilder()
            .ConfigureLogging(logging =>
            {
                // Progress and logs go to stderr; stdout stays for the summary.
                logging.AddSimpleConsole(o => o.SingleLine = true);
                logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
                logging.AddFilter("Microsoft.Azure.WebJobs", LogLevel.Warning);
                logging.AddFilter("Host", LogLevel.Warning);
                // A start-up failure is reported once, by the command, as one line; not also as a logged stack trace.
                logging.AddFilter("Microsoft.Extensions.Hosting", verbose ? LogLevel.Error : LogLevel.None);
                // The SDK logs every 404/409 it expects (queue not there yet, entity absent) as a warning.
                logging.AddFilter("Azure.Core", LogLevel.Error);
                // MSAL logs every failed token try at length; the run reports the failure once.
                logging.AddFilter("Azure.Identity", verbose ? LogLevel.Error : LogLevel.None);
                logging.AddFilter("Function", verbose ? LogLevel.Information : LogLevel.Error);
                // How a night paces itself to SharePoint's budget is progress an operator wants to see.
                logging.AddFilter(typeof(Core.SharePoint.Pacing.ResourceUnitBudget).Namespace, LogLevel.Information);
            })
            .ConfigureWebJobs(webJobs => webJobs.AddAzureStorageQueues(queues =>
            {
                queues.MaxDequeueCount = MaxDequeueCount;
                queues.VisibilityTimeout = TimeSpan.FromSeconds(2);
                queues.MaxPollingInterval = TimeSpan.FromMilliseconds(500);
                queues.BatchSize = 4;
                queues.MessageEncoding = QueueMessageEncoding.Base64;
            }))
            // After ConfigureWebJobs, which adds environment variables of its own: the configuration
            // the command was given (the demo's own Azurite, say) must win over the process's.
            .ConfigureAppConfiguration(c => c.AddConfiguration(configuration))
            .ConfigureServices((context, services) =>
            {
                if (compose is null) services.AddIntegration(context.Configuration);
                else compose(services, context.Configuration);
                services.AddSingleton<ITypeLocator>(new FixedTypeLocator(typeof(QueueFunctions)));
            })
            .Build();
    }

    /// <summary>Only our functions: the SDK would otherwise scan every loaded assembly.</summary>
    private sealed class FixedTypeLocator(params Type[] types) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => types;
    }
}
