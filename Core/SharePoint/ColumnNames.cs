using Integration.Core.Configuration;

namespace Integration.Core.SharePoint;

/// <summary>
/// Internal column names of one list. Sites often carry Swedish or encoded internal names
/// (<c>_x00c5_tg_x00e4_rd</c> for "Åtgärd"), so each default can be overridden with
/// <c>SharePoint__Fields__{List}__{Column}</c>.
/// </summary>
public sealed class ColumnNames
{
    private readonly Dictionary<string, string> _overrides;

    public ColumnNames(SharePointOptions options, string list)
    {
        _overrides = options.Fields.TryGetValue(list, out var map)
            ? new Dictionary<string, string>(map, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>();
    }

    /// <summary>The internal name of <paramref name="column"/>, or the column's own name when not overridden.</summary>
    public string this[string column] => _overrides.TryGetValue(column, out var name) ? name : column;

    /// <summary>Graph returns a single-value person or lookup column only as <c>{Name}LookupId</c>.</summary>
    public string LookupId(string column) => this[column] + "LookupId";
}
