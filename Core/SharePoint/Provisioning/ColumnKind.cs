namespace Integration.Core.SharePoint.Provisioning;

/// <summary>The column types the lists need, each one of Graph's <c>columnDefinition</c> type facets.</summary>
public enum ColumnKind
{
    /// <summary>Single line of text (<c>text</c>).</summary>
    Text,

    /// <summary>Multiple lines of text (<c>text</c> with <c>allowMultipleLines</c>).</summary>
    Note,

    /// <summary><c>dateTime</c> with <c>format: dateOnly</c>: a Stockholm day.</summary>
    DateOnly,

    /// <summary><c>dateTime</c> with <c>format: dateTime</c>: an instant.</summary>
    DateTime,

    /// <summary><c>choice</c>, with the configured values.</summary>
    Choice,

    /// <summary><c>personOrGroup</c>, people only, one person.</summary>
    Person,

    /// <summary><c>lookup</c> into another list's column.</summary>
    Lookup,

    /// <summary><c>number</c>.</summary>
    Number,

    /// <summary>Yes/No (<c>boolean</c>).</summary>
    Boolean,

    /// <summary><c>hyperlinkOrPicture</c>, as a link.</summary>
    Hyperlink,

    /// <summary>A facet none of the above (calculated, currency, a managed-metadata term, …), or none at all.</summary>
    Other,
}
