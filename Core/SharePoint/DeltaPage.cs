namespace Integration.Core.SharePoint;

/// <summary>One page of a list-item delta feed; the last page carries the delta link to save.</summary>
public sealed record DeltaPage(IReadOnlyList<SharePointItem> Items, string? DeltaLink);

/// <summary>The saved delta token has expired (410 Gone): start again without one.</summary>
public sealed class DeltaResyncRequiredException(string message, Exception inner) : Exception(message, inner);
