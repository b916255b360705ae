namespace Integration.Emulators.Graph;

/// <summary>A running stand-in's resource-unit budget as its control API tells it: <see cref="Limit"/> null when off.</summary>
public sealed record ResourceUnitBudgetState(int? Limit, TimeSpan Window, int Used);
