using Azure.Data.Tables;

namespace Integration.Core.Storage;

/// <summary>Entity group transactions: at most 100 actions, all in one partition.</summary>
public static class TableBatch
{
    public const int MaxActions = 100;

    /// <summary>Transactions in flight at once; each touches other entities, so order does not matter.</summary>
    public const int Parallelism = 4;

    /// <summary>
    /// Submits the actions in as few transactions as the service allows, a few at a time; returns
    /// how many were sent. The caller gives each entity once, so the transactions are independent.
    /// </summary>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        var chunks = actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(p => p.Chunk(MaxActions)).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (chunk, token) => await table.SubmitTransactionAsync(chunk, token));
        return chunks.Count;
    }
}
