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
        List = list;
        _overrides = options.Fields.TryGetValue(list, out var map)
            ? new Dictionary<string, string>(map, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>();
    }

    /// <summary>The list's name in the settings, e.g. <c>PlanItems</c>.</summary>
    public string List { get; }

    /// <summary>The internal name of <paramref name="column"/>, or the column's own name when not overridden.</summary>
    public string this[string column] => _overrides.TryGetValue(column, out var name) ? name : column;

    /// <summary>The internal name of <paramref name="column"/>, or <paramref name="defaultName"/> when not overridden.</summary>
    public string this[string column, string defaultName] => _overrides.TryGetValue(column, out var name) ? name : defaultName;

    /// <summary>Graph returns a single-value person or lookup column only as <c>{Name}LookupId</c>.</summary>
    public string LookupId(string column) => this[column] + "LookupId";

    /// <summary>
    /// The internal name of the list's data-problem column (<see cref="DataProblemColumn"/>); null when
    /// its setting is empty, which turns the write-back off.
    /// </summary>
    public string? DataProblem => this[DataProblemColumn.Name] is { Length: > 0 } name ? name : null;

    /// <summary>The fields a feed selects: <paramref name="read"/>, and the data-problem column, so the night sees what it last wrote there.</summary>
    public IReadOnlyCollection<string> WithDataProblem(IEnumerable<string> read) =>
        DataProblem is { } problem ? [.. read.Append(problem).Distinct(StringComparer.Ordinal)] : [.. read];

    /// <summary>The setting that overrides <paramref name="column"/>, as an operator types it.</summary>
    public string Setting(string column) => $"SharePoint__Fields__{List}__{column}";

    /// <summary>A column read (and, when <paramref name="written"/>, written) as it is.</summary>
    public MappedColumn Map(string column, bool required = false, bool written = false) =>
        new(Setting(column), column, this[column], this[column], required, written, _overrides.ContainsKey(column));

    /// <summary>A column whose default internal name is not its own name (an enterprise's Name is SharePoint's Title).</summary>
    public MappedColumn Map(string column, string defaultName, bool required = false) =>
        new(Setting(column), column, this[column, defaultName], this[column, defaultName], required, Written: false, _overrides.ContainsKey(column));

    /// <summary>A person or lookup column, read as <see cref="LookupId"/>.</summary>
    public MappedColumn MapLookup(string column, bool required = false) =>
        new(Setting(column), column, this[column], LookupId(column), required, Written: false, _overrides.ContainsKey(column));
}
