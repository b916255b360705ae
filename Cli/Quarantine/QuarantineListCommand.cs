using System.Text.Json;
using Integration.Core.Hosting;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Quarantine;

/// <summary>
/// <c>quarantine list [--source S] [--json]</c>: what is in quarantine now, per source, with item
/// id, reason, first and last seen. Quoted values in a reason are left out (they may be anything,
/// a name included); the Quarantine table and the source item have them.
/// </summary>
internal static class QuarantineListCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(IConfiguration configuration, string? source, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(configuration);
        var sources = SyncSources.From(services);
        if (source is not null && !sources.Contains(source))
        {
            await error.WriteLineAsync($"Unknown source '{source}'; expected one of {string.Join(", ", sources.Names)}.");
            return 2;
        }

        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<QuarantineStore>();

        var open = new List<OpenQuarantineEntry>();
        foreach (var name in source is null ? sources.Names : [source])
        {
            await foreach (var entry in store.OpenEntriesAsync(name, ct)) open.Add(entry);
        }

        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { open = open.Count, entries = open }, Json));
            return 0;
        }

        await output.WriteLineAsync(open.Count == 0 ? "Nothing is in quarantine." : $"{open.Count} item(s) in quarantine:");
        foreach (var entry in open.OrderBy(e => e.Source, StringComparer.Ordinal).ThenByDescending(e => e.LastSeen))
        {
            await output.WriteLineAsync($"  {entry.Source,-18} {entry.Label}  first {entry.FirstSeen:yyyy-MM-dd HH:mm}Z, last {entry.LastSeen:yyyy-MM-dd HH:mm}Z");
            await output.WriteLineAsync($"  {"",-18} {entry.Reason}");
        }

        return 0;
    }
}
