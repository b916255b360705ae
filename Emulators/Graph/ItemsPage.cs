namespace Integration.Emulators.Graph;

/// <summary>One page of a plain item listing; <see cref="NextAfterId"/> is null on the last page.</summary>
internal sealed record ItemsPage(IReadOnlyList<ListItemRecord> Items, int? NextAfterId);
