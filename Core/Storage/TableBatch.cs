using Azure.Data.Tables;

namespace Integration.Core.Storage;

/// <summary>Entity group transactions: at most 100 actions, all in one partition.</summary>
public static class TableBatch
{
    public const int MaxActions = 100;

    /// <summary>Submits the actions in as few transactions as the service allows; returns how many were sent.</summary>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        var transactions = 0;
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxActions))
            {
                await table.SubmitTransactionAsync(chunk, ct);
                transactions++;
            }
        }

        return transactions;
    }
}
