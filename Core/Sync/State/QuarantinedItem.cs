
namespace Integration.Core.Sync.State;

/// <summary>A source item that could not be taken in: what it was, why, and its raw payload.</summary>
public sealed record QuarantinedItem(string Source, string ItemId, string Reason, string RawPayload);
