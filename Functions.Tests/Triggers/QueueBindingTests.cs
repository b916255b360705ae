using System.Reflection;
using System.Text.Json;
using Integration.Cli.Hosting;
using Integration.Core.Hosting;
using Integration.Core.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Triggers;

/// <summary>
/// The Functions app and the CLI's WebJobs host bind the same queue triggers: the same function
/// names on the same queues, every queue in <see cref="QueueNames.All"/>, and every queue a
/// registered message handler consumes. A queue given a trigger in one host and not the other fails here.
/// </summary>
public class QueueBindingTests
{
    /// <summary>Function name → queue, as the worker SDK wrote them into <c>functions.metadata</c>.</summary>
    private static Dictionary<string, string> FunctionsHost()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        var bindings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var function in document.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                if (binding.GetProperty("type").GetString() == "queueTrigger")
                {
                    bindings[function.GetProperty("name").GetString()!] = binding.GetProperty("queueName").GetString()!;
                }
            }
        }

        return bindings;
    }

    /// <summary>Function name → queue, from the CLI host's WebJobs attributes.</summary>
    private static Dictionary<string, string> CliHost() =>
        typeof(QueueFunctions).GetMethods()
            .Select(m => (Name: m.GetCustomAttribute<Microsoft.Azure.WebJobs.FunctionNameAttribute>()?.Name,
                Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<Microsoft.Azure.WebJobs.QueueTriggerAttribute>()).OfType<Microsoft.Azure.WebJobs.QueueTriggerAttribute>().SingleOrDefault()))
            .Where(f => f.Name is not null && f.Trigger is not null)
            .ToDictionary(f => f.Name!, f => f.Trigger!.QueueName, StringComparer.Ordinal);

    [Fact]
    public void BothHostsBindTheSameFunctionsToTheSameQueues()
    {
        Assert.Equal(FunctionsHost().OrderBy(f => f.Key, StringComparer.Ordinal), CliHost().OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryQueueHasATriggerInBothHosts()
    {
        Assert.Equal(QueueNames.All.Order(StringComparer.Ordinal), FunctionsHost().Values.Order(StringComparer.Ordinal));
        Assert.Equal(QueueNames.All.Order(StringComparer.Ordinal), CliHost().Values.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryQueueAMessageHandlerConsumesIsBound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("AzureWebJobsStorage", "UseDevelopmentStorage=true")]).Build();
        var services = new ServiceCollection().AddIntegration(configuration);
        var consumed = services.Where(d => d.ImplementationInstance is MessageRegistration).Select(d => ((MessageRegistration)d.ImplementationInstance!).Queue).Distinct();

        Assert.Equal(QueueNames.All.Order(StringComparer.Ordinal), consumed.Order(StringComparer.Ordinal));
    }
}
