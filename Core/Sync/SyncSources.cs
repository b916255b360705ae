using Microsoft.Extensions.DependencyInjection;

namespace Integration.Core.Sync;

/// <summary>
/// The sources a night covers, in the order the modules registered them (the order the summary
/// and status list them). Whether a source is built is whether an <see cref="ISourceSync"/> is
/// registered for it; a feature left out of the composition root has neither.
/// </summary>
public sealed class SyncSources(IEnumerable<SourceDefinition> definitions)
{
    public IReadOnlyList<SourceDefinition> All { get; } = definitions.DistinctBy(d => d.Name, StringComparer.Ordinal).ToList();

    public IEnumerable<string> Names => All.Select(s => s.Name);

    public SourceDefinition? Find(string name) => All.FirstOrDefault(s => s.Name == name);

    public bool Contains(string name) => Find(name) is not null;

    /// <summary>The sources registered in <paramref name="services"/>, read without building a provider (for a command's help text).</summary>
    public static SyncSources From(IServiceCollection services) =>
        new(services.Select(d => d.ServiceType == typeof(SourceDefinition) ? d.ImplementationInstance as SourceDefinition : null).OfType<SourceDefinition>());
}
