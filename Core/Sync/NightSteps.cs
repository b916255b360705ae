namespace Integration.Core.Sync;

/// <summary>The night's steps after the sources, as the modules registered them, in the order they run.</summary>
public sealed class NightSteps(IEnumerable<INightStep> steps)
{
    public IReadOnlyList<INightStep> All { get; } = steps.OrderBy(s => s.Order).ToList();

    public INightStep? Find(string name) => All.FirstOrDefault(s => s.Name == name);
}
