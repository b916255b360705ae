using System.Net;
using Integration.Core.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using GraphList = Microsoft.Graph.Models.List;

namespace Integration.Core.SharePoint.Provisioning;

/// <summary>
/// Creates or checks the lists and libraries the registered <see cref="ListSchema"/>s name, through
/// the Graph SDK: <c>GET …/lists/{ref}</c>, <c>GET …/columns</c>, <c>POST …/lists</c> (with the
/// template and the columns) and <c>POST …/lists/{id}/columns</c>. It only ever adds: nothing is
/// deleted, and an existing column of the wrong type, a read-only column the night writes or a choice
/// without a needed value is reported, never changed. So a second run changes nothing, and a check
/// (<paramref name="check"/> in <see cref="RunAsync"/>) sends no write at all.
/// </summary>
public sealed class SharePointProvisioner(GraphServiceClient graph, IOptions<SharePointOptions> options, ListSchemas schemas)
{
    /// <summary>What a write needs where Graph refused it.</summary>
    public const string WritePermission =
        "Sites.Manage.All, or Sites.Selected with the 'manage' role on this site (creating lists and columns needs manage; 'write' is not enough)";

    /// <summary>What a read needs where Graph refused it.</summary>
    public const string ReadPermission =
        "Sites.Read.All, or Sites.Selected with at least the 'read' role on this site (and 'manage' to create what is missing)";

    public async Task<ProvisioningReport> RunAsync(bool check, Action<string> progress, CancellationToken ct)
    {
        var siteId = options.Value.SiteId is { Length: > 0 } configured && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : throw new ProvisioningConfigurationException("SharePoint__SiteId is not set: provision needs the site whose lists it creates or checks.");
        var all = schemas.All;
        if (!all.Any(s => s.Reference is not null))
        {
            throw new ProvisioningConfigurationException(
                $"No list or library is configured: set at least one of {string.Join(", ", all.Select(s => s.Setting))}.");
        }

        var report = new ProvisioningReport(check);
        var listIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var schema in LookupTargetsFirst(all))
        {
            var list = new ListReport(schema);
            report.Lists.Add(list);
            if (schema.Reference is null)
            {
                list.State = SchemaState.NotConfigured;
                progress($"{schema.Source}: {schema.Setting} is not set; nothing to provision.");
                continue;
            }

            var found = await FindAsync(siteId, schema, ct);
            if (found is null)
            {
                await MissingListAsync(siteId, schema, list, listIds, check, ct);
            }
            else if (!string.Equals(found.ListProp?.Template, schema.Template, StringComparison.OrdinalIgnoreCase))
            {
                list.ListId = found.Id;
                list.State = SchemaState.WrongType;
                list.Detail = $"is a {found.ListProp?.Template ?? "list of another kind"}, not a {schema.Template}; it is not changed.";
            }
            else
            {
                list.ListId = found.Id!;
                listIds[schema.Source] = found.Id!;
                await ColumnsAsync(siteId, list, listIds, check, ct);
            }

            progress(Summary(list));
        }

        return report;
    }

    /// <summary>A list whose lookups point into another list comes after that list, so the lookup can name its id.</summary>
    private static List<ListSchema> LookupTargetsFirst(IReadOnlyList<ListSchema> all) =>
        [.. all.Where(s => !s.LookupSources.Any()), .. all.Where(s => s.LookupSources.Any())];

    private async Task MissingListAsync(string siteId, ListSchema schema, ListReport list, Dictionary<string, string> listIds, bool check, CancellationToken ct)
    {
        var reference = schema.Reference!;
        if (Guid.TryParse(reference, out _) || reference.StartsWith("b!", StringComparison.Ordinal))
        {
            list.State = SchemaState.Missing;
            list.Detail = "is not on the site; a list named by its id cannot be created: set the setting to the display name to have provision create it.";
            return;
        }

        var creatable = new List<(ColumnSpec Spec, ColumnDefinition Definition)>();
        foreach (var spec in schema.Columns.Where(c => !c.IsBuiltIn))
        {
            if (LookupTarget(spec, listIds, out var targetId) is { } unreachable)
            {
                list.Columns.Add(new ColumnReport(spec, SchemaState.Missing, unreachable));
                continue;
            }

            if (check) list.Columns.Add(new ColumnReport(spec, SchemaState.Missing));
            else creatable.Add((spec, ColumnDefinitions.For(spec, targetId)));
        }

        if (check)
        {
            list.State = SchemaState.Missing;
            return;
        }

        var request = new GraphList
        {
            DisplayName = reference,
            ListProp = new ListInfo { Template = schema.Template },
            Columns = [.. creatable.Select(c => c.Definition)],
        };
        var created = await WriteAsync(() => graph.Sites[siteId].Lists.PostAsync(request, cancellationToken: ct), $"create the {schema.What} '{reference}'");
        list.State = SchemaState.Created;
        list.ListId = created?.Id ?? throw new InvalidOperationException($"Graph created the {schema.What} '{reference}' but gave no id.");
        listIds[schema.Source] = list.ListId;
        list.Columns.AddRange(creatable.Select(c => new ColumnReport(c.Spec, SchemaState.Created)));
        list.Columns.AddRange(schema.Columns.Where(c => c.IsBuiltIn).Select(c => new ColumnReport(c, SchemaState.Present)));
    }

    private async Task ColumnsAsync(string siteId, ListReport list, Dictionary<string, string> listIds, bool check, CancellationToken ct)
    {
        var existing = await ReadColumnsAsync(siteId, list.ListId!, ct);
        var byName = new Dictionary<string, ExistingColumn>(StringComparer.Ordinal);
        foreach (var column in existing) byName.TryAdd(column.Name, column);

        foreach (var spec in list.Schema.Columns)
        {
            if (byName.TryGetValue(spec.InternalName, out var column))
            {
                list.Columns.Add(Compare(spec, column, listIds));
                continue;
            }

            if (LookupTarget(spec, listIds, out var targetId) is { } unreachable)
            {
                list.Columns.Add(new ColumnReport(spec, SchemaState.Missing, unreachable));
                continue;
            }

            if (check)
            {
                list.Columns.Add(new ColumnReport(spec, SchemaState.Missing, Missing(spec, existing)));
                continue;
            }

            list.Columns.Add(await CreateColumnAsync(siteId, list, spec, targetId, ct));
        }
    }

    private async Task<ColumnReport> CreateColumnAsync(string siteId, ListReport list, ColumnSpec spec, string? targetId, CancellationToken ct)
    {
        try
        {
            var definition = ColumnDefinitions.For(spec, targetId);
            await WriteAsync(() => graph.Sites[siteId].Lists[list.ListId!].Columns.PostAsync(definition, cancellationToken: ct), $"create the column '{spec.InternalName}' in {list.Schema.Source}");
            return new ColumnReport(spec, SchemaState.Created);
        }
        catch (ApiException error) when (error.ResponseStatusCode is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.BadRequest)
        {
            var why = error is Microsoft.Graph.Models.ODataErrors.ODataError { Error.Message: { Length: > 0 } message } ? message : error.Message;
            return new ColumnReport(spec, SchemaState.Refused, $"could not be created: SharePoint answered {error.ResponseStatusCode} ({why}).");
        }
    }

    /// <summary>Whether an existing column is the one configured: its type, a lookup's list, a choice's values, a written column's writability.</summary>
    private static ColumnReport Compare(ColumnSpec spec, ExistingColumn column, Dictionary<string, string> listIds)
    {
        if (!spec.Allows(column.Kind))
        {
            return new ColumnReport(spec, SchemaState.WrongType,
                $"is {ExistingColumn.Describe(column.Kind)} (display name '{column.DisplayName}'), not {ExistingColumn.Describe(spec.Kind)}; it is not changed: change it in SharePoint, or point {spec.Setting} at a column of the right type.");
        }

        if (spec.Written && column.ReadOnly)
        {
            return new ColumnReport(spec, SchemaState.WrongType, "is read-only, and the night writes it; it is not changed.");
        }

        if (spec.Kind == ColumnKind.Lookup && spec.LookupSource is { } source && listIds.TryGetValue(source, out var target)
            && column.LookupListId is { Length: > 0 } looksUp && !string.Equals(Normalised(looksUp), Normalised(target), StringComparison.OrdinalIgnoreCase))
        {
            return new ColumnReport(spec, SchemaState.WrongType,
                $"looks up the list {looksUp}, not the {source} list ({target}, SharePoint__Lists__{source}); it is not changed.");
        }

        if (spec.Kind == ColumnKind.Choice && column.Kind == ColumnKind.Choice
            && spec.Choices.Where(g => !g.Any(s => column.Choices.Contains(s, StringComparer.OrdinalIgnoreCase))).ToList() is { Count: > 0 } lacking)
        {
            return new ColumnReport(spec, SchemaState.MissingChoices,
                $"lacks the value{(lacking.Count == 1 ? "" : "s")} {string.Join(", ", lacking.Select(g => $"'{g[0]}'"))} (or another spelling {spec.ChoicesSetting} accepts); add {(lacking.Count == 1 ? "it" : "them")} to the column in SharePoint (provision does not change it).");
        }

        return new ColumnReport(spec, SchemaState.Present);
    }

    private static string Normalised(string listId) => listId.Trim('{', '}');

    /// <summary>Why a lookup column cannot be made: the list it looks into is not configured or not there. Null when it can, or is no lookup.</summary>
    private static string? LookupTarget(ColumnSpec spec, Dictionary<string, string> listIds, out string? targetId)
    {
        targetId = null;
        if (spec.Kind != ColumnKind.Lookup || spec.LookupSource is not { } source) return null;
        if (listIds.TryGetValue(source, out targetId)) return null;
        return $"is missing, and cannot be created before the {source} list it looks into (SharePoint__Lists__{source}) is there.";
    }

    private static string? Missing(ColumnSpec spec, IReadOnlyList<ExistingColumn> existing)
    {
        var closest = ClosestColumn.Find(spec.InternalName, existing.Select(c => new SharePointColumn(c.Name, c.DisplayName, c.Hidden, c.ReadOnly)));
        return closest is null ? null : $"is missing; the closest is '{closest.Name}' (display name '{closest.DisplayName}').";
    }

    private async Task<GraphList?> FindAsync(string siteId, ListSchema schema, CancellationToken ct)
    {
        var reference = schema.Reference!;
        if (schema.IsLibrary && reference.StartsWith("b!", StringComparison.Ordinal))
        {
            var drives = await ReadAsync(() => graph.Sites[siteId].Drives.GetAsync(r => r.QueryParameters.Select = ["id", "name"], ct), "list the site's libraries");
            if (drives?.Value?.FirstOrDefault(d => d.Id == reference)?.Name is not { } name) return null;
            reference = name;
        }

        try
        {
            return await ReadAsync(() => graph.Sites[siteId].Lists[reference].GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "list"], ct), $"read the {schema.What} '{reference}'");
        }
        catch (ApiException error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Every column of the list, hidden ones included: a hidden column still takes its name.</summary>
    private async Task<IReadOnlyList<ExistingColumn>> ReadColumnsAsync(string siteId, string listId, CancellationToken ct)
    {
        var columns = graph.Sites[siteId].Lists[listId].Columns;
        var result = new List<ExistingColumn>();
        var page = await ReadAsync(() => columns.GetAsync(r => r.QueryParameters.Select = ExistingColumn.Properties, ct), $"read the columns of list {listId}");
        for (var pages = 0; page is not null; pages++)
        {
            result.AddRange((page.Value ?? []).Select(ExistingColumn.From));
            if (page.OdataNextLink is not { Length: > 0 } next || pages >= options.Value.MaxPages) break;
            page = await ReadAsync(() => columns.WithUrl(next).GetAsync(cancellationToken: ct), $"read the columns of list {listId}");
        }

        return result;
    }

    private static Task<T?> ReadAsync<T>(Func<Task<T?>> call, string action) => Guard(call, action, ReadPermission);

    private static Task<T?> WriteAsync<T>(Func<Task<T?>> call, string action) => Guard(call, action, WritePermission);

    private static async Task<T?> Guard<T>(Func<Task<T?>> call, string action, string permission)
    {
        try
        {
            return await call();
        }
        catch (ApiException error) when (error.ResponseStatusCode is (int)HttpStatusCode.Forbidden or (int)HttpStatusCode.Unauthorized)
        {
            var code = error is Microsoft.Graph.Models.ODataErrors.ODataError { Error.Code: { Length: > 0 } c } ? $" {c}" : "";
            throw new ProvisioningRefusedException(error.ResponseStatusCode == (int)HttpStatusCode.Unauthorized
                ? $"Graph refused the token (401{code}) when asked to {action}: check SharePoint__Auth and the app's credentials; the app needs {permission}."
                : $"Graph refused to {action} (403{code}): the app needs {permission}.", error);
        }
    }

    private static string Summary(ListReport list)
    {
        var created = list.Columns.Count(c => c.State == SchemaState.Created);
        var differences = list.Columns.Count(c => c.State.IsDifference());
        var state = list.State switch
        {
            SchemaState.Created => $"created with {created} column(s)",
            SchemaState.Missing => "missing",
            SchemaState.WrongType => "of the wrong kind",
            _ => created > 0 ? $"there; {created} column(s) created" : "there",
        };
        return $"{list.Schema.Source}: {list.Schema.What} '{list.Schema.Reference}' {state}" + (differences > 0 ? $", {differences} column difference(s)." : ".");
    }
}
