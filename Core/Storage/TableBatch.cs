using System.Collections.Concurrent;
using System.Linq.Expressions;
using Azure.Data.Tables;

namespace Integration.Core.Storage;

/// <summary>Entity group transactions: at most 100 actions and 4 MiB, all in one partition.</summary>
public static class TableBatch
{
    public const int MaxActions = 100;

    /// <summary>
    /// What one transaction may carry by the estimate below; the service refuses more than 4 MiB
    /// (413), and a page of rows at the text limits can reach that long before 100 of them.
    /// </summary>
    public const long MaxEstimatedBytes = 3L * 1024 * 1024;

    /// <summary>Transactions in flight at once; each touches other entities, so order does not matter.</summary>
    public const int Parallelism = 4;

    /// <summary>
    /// Submits the actions in as few transactions as the service allows, a few at a time; returns
    /// how many were sent. The caller gives each entity once, so the transactions are independent.
    /// </summary>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        var chunks = actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(Chunks).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (chunk, token) => await table.SubmitTransactionAsync(chunk, token));
        return chunks.Count;
    }

    private static IEnumerable<TableTransactionAction[]> Chunks(IEnumerable<TableTransactionAction> partition)
    {
        var chunk = new List<TableTransactionAction>(MaxActions);
        long bytes = 0;
        foreach (var action in partition)
        {
            var size = EstimateBytes(action.Entity);
            if (chunk.Count == MaxActions || (chunk.Count > 0 && bytes + size > MaxEstimatedBytes))
            {
                yield return [.. chunk];
                chunk.Clear();
                bytes = 0;
            }

            chunk.Add(action);
            bytes += size;
        }

        if (chunk.Count > 0) yield return [.. chunk];
    }

    /// <summary>
    /// An upper bound of an entity's size in a transaction body: six bytes a character (a JSON
    /// escape such as <c>\u0001</c> is the worst case), and room for each property's name and type.
    /// </summary>
    internal static long EstimateBytes(ITableEntity entity) => entity switch
    {
        TableEntity dynamic => dynamic.Sum(p => PropertyOverhead + 6L * (p.Key.Length + (p.Value is string s ? s.Length : 8))),
        _ => Estimators.GetOrAdd(entity.GetType(), CompileEstimator)(entity),
    };

    private const long PropertyOverhead = 100;

    private static readonly ConcurrentDictionary<Type, Func<ITableEntity, long>> Estimators = new();

    /// <summary>Sums the typed entity's string lengths without reflection per call: it runs for every row of a full sync.</summary>
    private static Func<ITableEntity, long> CompileEstimator(Type type)
    {
        var entity = Expression.Parameter(typeof(ITableEntity), "entity");
        var typed = Expression.Convert(entity, type);
        Expression total = Expression.Constant(0L);
        foreach (var property in type.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            Expression size = property.PropertyType == typeof(string)
                ? Expression.Condition(
                    Expression.Equal(Expression.Property(typed, property), Expression.Constant(null, typeof(string))),
                    Expression.Constant(0L),
                    Expression.Convert(Expression.Property(Expression.Property(typed, property), nameof(string.Length)), typeof(long)))
                : Expression.Constant(8L);
            total = Expression.Add(total, Expression.Add(Expression.Constant(PropertyOverhead + 6L * property.Name.Length), Expression.Multiply(Expression.Constant(6L), size)));
        }

        return Expression.Lambda<Func<ITableEntity, long>>(total, entity).Compile();
    }
}
