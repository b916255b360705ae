namespace Integration.Core.SharePoint;

/// <summary>
/// One column a source reads or writes, as configured: its logical name (the last part of
/// <see cref="Setting"/>), the internal name the site uses for it, and the field its items carry
/// (<c>{Name}LookupId</c> for a person or lookup column).
/// </summary>
/// <param name="Required">Every valid item has a value: a page whose live items all lack it is suspect.</param>
/// <param name="Written">The backend writes it back to SharePoint, so the column must be writable.</param>
/// <param name="Overridden">The internal name comes from <see cref="Setting"/>, not from the default.</param>
public sealed record MappedColumn(
    string Setting, string Column, string InternalName, string FieldName, bool Required, bool Written, bool Overridden)
{
    public bool IsLookup => !string.Equals(InternalName, FieldName, StringComparison.Ordinal);
}
