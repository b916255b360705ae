namespace Integration.Emulators.Graph;

/// <summary>A column's type, as Graph's <c>columnDefinition</c> shows it by the one type facet it carries.</summary>
public enum ColumnType
{
    /// <summary>Single line of text: the <c>text</c> facet.</summary>
    Text,

    /// <summary>Multiple lines of text: <c>text</c> with <c>allowMultipleLines</c>.</summary>
    MultilineText,

    /// <summary><c>dateTime</c> with <c>format: dateOnly</c>; items carry local midnight as a UTC instant.</summary>
    DateOnly,

    /// <summary><c>dateTime</c> with <c>format: dateTime</c>.</summary>
    DateTime,

    Choice,

    /// <summary>A person column: items carry <c>{Name}LookupId</c>.</summary>
    PersonOrGroup,

    /// <summary>A lookup column: items carry <c>{Name}LookupId</c>.</summary>
    Lookup,

    Boolean,

    Number,

    /// <summary>A hyperlink column: the <c>hyperlinkOrPicture</c> facet with <c>isPicture: false</c>.</summary>
    Hyperlink,

    /// <summary>A type Graph has no facet for (SharePoint's computed columns such as LinkTitle): no type facet at all.</summary>
    Computed,
}
