namespace Integration.Emulators.Graph;

/// <summary>How a <see cref="GraphStandIn"/> listens and paces its answers.</summary>
public sealed class GraphStandInOptions
{
    /// <summary>Loopback port to bind; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Delay added before every response, to make a slow tenant.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Page size when a request has no <c>$top</c>, and the cap on <c>$top</c>:
    /// like SharePoint, a larger <c>$top</c> is served in pages of this size with a next link.
    /// </summary>
    public int MaxPageSize { get; init; } = 200;

    /// <summary>Clock for created/modified stamps and error dates; a fake one makes them predictable.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// SharePoint resource units per <see cref="ResourceUnitWindow"/>; null (the default) enforces no budget. See
    /// <see cref="Graph.ResourceUnitBudget"/>; it can be changed while running through <see cref="GraphStandIn.Budget"/>.
    /// </summary>
    public int? ResourceUnitBudget { get; init; }

    /// <summary>The budget's window: a minute, as SharePoint meters it.</summary>
    public TimeSpan ResourceUnitWindow { get; init; } = TimeSpan.FromMinutes(1);
}
