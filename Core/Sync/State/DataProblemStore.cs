using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.Sync.State;

/// <summary>
/// The <c>DataProblems</c> table: what the night last told the network is wrong with each source item
/// (partition = source, one row per item). A row is there while the item has a problem and goes when
/// it is fixed or deleted, so the table is the list of open problems that <c>status</c> counts and the
/// weekly reminder reads. <c>FirstSeen</c> is when the item's problem was first told and stays while
/// any problem is open on it.
/// </summary>
public sealed class DataProblemStore(IntegrationStorage storage)
{
    /// <summary>The source's open problems by item id.</summary>
    public async Task<Dictionary<string, OpenProblem>> OpenAsync(string source, CancellationToken ct)
    {
        var open = new Dictionary<string, OpenProblem>(StringComparer.Ordinal);
        await foreach (var problem in ListAsync(source, ct))
        {
            open[problem.ItemId] = problem;
        }

        return open;
    }

    public async IAsyncEnumerable<OpenProblem> ListAsync(string source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var table = await storage.TableAsync(TableNames.DataProblems, ct);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == source, cancellationToken: ct))
        {
            yield return new OpenProblem(
                source,
                row.GetString(nameof(OpenProblem.ItemId)) ?? row.RowKey,
                row.GetString(nameof(OpenProblem.Title)) ?? "",
                row.GetString(nameof(OpenProblem.Text)) ?? "",
                row.GetBoolean(nameof(OpenProblem.IsError)) ?? false,
                row.GetString(nameof(OpenProblem.OwnerLookupId)),
                row.GetDateTimeOffset(nameof(OpenProblem.FirstSeen)) ?? row.Timestamp ?? DateTimeOffset.MinValue);
        }
    }

    /// <summary>Stores the problems found (a row each) and removes those of items fixed or deleted (<paramref name="closed"/>).</summary>
    public async Task SaveAsync(string source, IReadOnlyCollection<OpenProblem> found, IReadOnlyCollection<string> closed, CancellationToken ct)
    {
        if (found.Count == 0 && closed.Count == 0) return;
        var table = await storage.TableAsync(TableNames.DataProblems, ct);
        var actions = found.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(source, TableKeys.Escape(p.ItemId))
        {
            [nameof(OpenProblem.ItemId)] = p.ItemId,
            [nameof(OpenProblem.Title)] = p.Title,
            [nameof(OpenProblem.Text)] = p.Text,
            [nameof(OpenProblem.IsError)] = p.IsError,
            [nameof(OpenProblem.OwnerLookupId)] = p.OwnerLookupId,
            [nameof(OpenProblem.FirstSeen)] = p.FirstSeen,
        })).Concat(closed.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(source, TableKeys.Escape(id)), Azure.ETag.All)));
        await TableBatch.SubmitAsync(table, actions, ct);
    }

    /// <summary>How many problems are open on each source's items, errors and warnings apart; sources with none are left out.</summary>
    public async Task<List<(string Source, int Errors, int Warnings)>> CountAsync(IEnumerable<string> sources, CancellationToken ct)
    {
        var counts = new List<(string, int, int)>();
        foreach (var source in sources)
        {
            var (errors, warnings) = (0, 0);
            await foreach (var problem in ListAsync(source, ct))
            {
                if (problem.IsError) errors++;
                else warnings++;
            }

            if (errors + warnings > 0) counts.Add((source, errors, warnings));
        }

        return counts;
    }
}

/// <summary>A problem the night told the network about an item, still open.</summary>
/// <param name="Title">How people name the item: its title, or a file's name.</param>
/// <param name="Text">The Swedish text written to the item.</param>
/// <param name="IsError">The item is in quarantine (an error); otherwise it is in with a warning.</param>
/// <param name="OwnerLookupId">The person the item names as its owner (site-user lookup id), when it has one.</param>
public sealed record OpenProblem(string Source, string ItemId, string Title, string Text, bool IsError, string? OwnerLookupId, DateTimeOffset FirstSeen)
{
    /// <summary>Where the item opens, when its source knows (a library's file); not stored.</summary>
    public string? WebUrl { get; init; }
}
