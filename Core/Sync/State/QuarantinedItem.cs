
namespace Integration.Core.Sync.State;

/// <summary>A source item that could not be taken in: what it was, why, and its raw payload.</summary>
/// <param name="Name">How people name the item (its title, a file's name), for the outputs that list it; null when the source has none.</param>
public sealed record QuarantinedItem(string Source, string ItemId, string Reason, string RawPayload, string? Name = null);
