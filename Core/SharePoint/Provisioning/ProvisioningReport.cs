namespace Integration.Core.SharePoint.Provisioning;

/// <summary>What one <c>provision</c> (or <c>provision --check</c>) found and did, list by list and column by column.</summary>
public sealed class ProvisioningReport(bool check)
{
    public bool Check { get; } = check;

    public List<ListReport> Lists { get; } = [];

    /// <summary>Every difference left between the site and the configuration, one line each, naming the setting.</summary>
    public IReadOnlyList<string> Differences =>
        [.. Lists.SelectMany(l => (l.State.IsDifference() ? [l.Describe()] : Array.Empty<string>()).Concat(l.Columns.Where(c => c.State.IsDifference()).Select(c => c.Describe(l))))];

    public bool AsConfigured => Differences.Count == 0;

    public int ListsCreated => Lists.Count(l => l.State == SchemaState.Created);

    public int ColumnsCreated => Lists.Sum(l => l.Columns.Count(c => c.State == SchemaState.Created));
}

/// <summary>One list or library of the configuration, and what became of it.</summary>
public sealed class ListReport(ListSchema schema)
{
    public ListSchema Schema { get; } = schema;

    public SchemaState State { get; set; } = SchemaState.Present;

    public string? ListId { get; set; }

    /// <summary>Why, when <see cref="State"/> is a difference; or what was done.</summary>
    public string? Detail { get; set; }

    public List<ColumnReport> Columns { get; } = [];

    public string Describe() =>
        $"{Schema.Source}: the {Schema.What} '{Schema.Reference}' ({Schema.Setting}) {Detail ?? State.Describe()}";
}

/// <summary>One column of a list, and what became of it.</summary>
public sealed class ColumnReport(ColumnSpec spec, SchemaState state, string? detail = null)
{
    public ColumnSpec Spec { get; } = spec;

    public SchemaState State { get; set; } = state;

    public string? Detail { get; set; } = detail;

    public string Describe(ListReport list) =>
        $"{list.Schema.Source}: column '{Spec.InternalName}' ({Spec.Setting}, {ExistingColumn.Describe(Spec.Kind)}) {Detail ?? State.Describe()}";
}

public enum SchemaState
{
    /// <summary>There, as configured.</summary>
    Present,

    /// <summary>Created by this run.</summary>
    Created,

    /// <summary>Not there (a check, or a list that could not be created).</summary>
    Missing,

    /// <summary>There with another type, or a read-only column the night must write: reported, never changed.</summary>
    WrongType,

    /// <summary>A choice column without a value the backend needs: reported, not changed.</summary>
    MissingChoices,

    /// <summary>SharePoint refused to create it (a name conflict, a definition it does not take).</summary>
    Refused,

    /// <summary>Its source's setting is empty: nothing to provision.</summary>
    NotConfigured,
}

public static class SchemaStateText
{
    public static bool IsDifference(this SchemaState state) => state is not (SchemaState.Present or SchemaState.Created or SchemaState.NotConfigured);

    public static string Describe(this SchemaState state) => state switch
    {
        SchemaState.Present => "is as configured.",
        SchemaState.Created => "was created.",
        SchemaState.Missing => "is missing.",
        SchemaState.WrongType => "has the wrong type.",
        SchemaState.MissingChoices => "lacks choices.",
        SchemaState.Refused => "was refused by SharePoint.",
        _ => "is not configured.",
    };

    /// <summary>The state's name in <c>--json</c>.</summary>
    public static string Json(this SchemaState state) => state switch
    {
        SchemaState.WrongType => "wrongType",
        SchemaState.MissingChoices => "missingChoices",
        SchemaState.NotConfigured => "notConfigured",
        _ => state.ToString().ToLowerInvariant(),
    };
}
