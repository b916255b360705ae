using System.Security.Cryptography;
using System.Text.Json;
using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Integration.Core.Storage;

namespace Integration.Core.Sync;

/// <summary>
/// A source's table, one partition: batch writes and the digest rebuild. Every row carries the
/// item's <c>ContentHash</c> and an <c>IsDeleted</c> tombstone mark, the two columns the engine's
/// digest is rebuilt from.
/// </summary>
public class SourceTable(IntegrationStorage storage, string tableName, string partition)
{
    public const string ContentHashColumn = "ContentHash";
    public const string IsDeletedColumn = "IsDeleted";
    public const string InQuarantineColumn = "InQuarantine";
    public const string QuarantineReasonColumn = "QuarantineReason";

    /// <summary>
    /// The content hash of a row whose item is in quarantine now. No item hashes to it, so the
    /// item's next valid version is always written, and that write clears the mark.
    /// </summary>
    public const string QuarantinedHash = "quarantined";

    public Task<TableClient> TableAsync(CancellationToken ct) => storage.TableAsync(tableName, ct);

    /// <summary>
    /// A content hash over an item's synced values, serialised as one JSON array so a value cannot
    /// slide into the next; 18 bytes of SHA-256 tell versions apart and keep the digest small.
    /// </summary>
    public static string ContentHash(params object?[] values) =>
        Convert.ToBase64String(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(values)).AsSpan(0, 18));

    /// <summary>
    /// Every row's id, content hash and tombstone mark, to rebuild the digest when it cannot be
    /// trusted: one query over the partition, three columns each.
    /// </summary>
    public async IAsyncEnumerable<(string Id, string ContentHash, bool IsDeleted)> DigestRowsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var table = await TableAsync(ct);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey", ContentHashColumn, IsDeletedColumn], cancellationToken: ct))
        {
            yield return (row.RowKey, row.GetString(ContentHashColumn) ?? "", row.GetBoolean(IsDeletedColumn) ?? false);
        }
    }

    /// <summary>
    /// Marks a stored row as holding an item that is in quarantine now: its last good values stay,
    /// flagged as such, so nothing acts on them as if they were current.
    /// </summary>
    public TableTransactionAction QuarantineMark(string id, string reason, DateTimeOffset now) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(partition, id)
        {
            [ContentHashColumn] = QuarantinedHash,
            [InQuarantineColumn] = true,
            [QuarantineReasonColumn] = reason,
            ["QuarantinedAt"] = now,
        });

    /// <exception cref="StorageUnavailableException">Storage stopped answering; the message names the endpoint.</exception>
    public async Task<int> SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        var table = await TableAsync(ct);
        try
        {
            return await TableBatch.SubmitAsync(table, actions, ct);
        }
        catch (Exception ex) when (StorageUnavailableException.IsUnreachable(ex))
        {
            throw new StorageUnavailableException(table.Uri, $"writing to '{tableName}'", ex);
        }
    }
}
