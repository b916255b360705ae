using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Integration.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync.State;

/// <summary>
/// Keeps each source's <see cref="SyncDigest"/> as one blob, and keeps it honest. Every writer of
/// the source's rows (the sync, the overdue scan) first marks the blob "writing", then writes its
/// rows, then saves the digest as "clean" only if nobody marked it after it did. A digest found
/// missing or still marked "writing" is not trusted: it is rebuilt from the table, so a crash
/// between the rows and the digest costs one slow night, never a wrong one.
/// </summary>
public sealed partial class SyncDigestStore(IntegrationStorage storage, TimeProvider time, ILogger<SyncDigestStore> logger)
{
    public const string Container = ContainerNames.SyncState;

    /// <summary>
    /// No run outlives the host's functionTimeout (host.json: 30 minutes), so a "writing" mark
    /// older than this was left by a run that is gone, and a rebuilt digest may be saved again.
    /// It must be at least functionTimeout; a test (HostJsonTests) reads host.json and fails when
    /// the two drift apart.
    /// </summary>
    public static readonly TimeSpan MaxRunTime = TimeSpan.FromMinutes(30);

    private const string StateKey = "state";
    private const string SinceKey = "since";
    private const string Clean = "clean";
    private const string Writing = "writing";

    /// <summary>Deletes the digest of <paramref name="source"/>; the next run rebuilds it from the table. Returns whether there was one.</summary>
    public async Task<bool> DeleteAsync(string source, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Container, ct);
        return (await container.GetBlobClient($"{source}.digest").DeleteIfExistsAsync(cancellationToken: ct)).Value;
    }

    /// <summary>
    /// Loads the digest of <paramref name="source"/> and marks it as being written. When it cannot
    /// be trusted, <paramref name="rebuild"/> (the table's rows) makes a new one; without it the
    /// session holds an empty digest that it will not save.
    /// </summary>
    public async Task<SyncDigestSession> OpenForWriteAsync(
        string source,
        Func<CancellationToken, IAsyncEnumerable<(string Id, string ContentHash, bool IsDeleted)>>? rebuild,
        CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Container, ct);
        var blob = container.GetBlobClient($"{source}.digest");
        var now = time.GetUtcNow();

        var (digest, etag, distrust, mayRebuildAndSave) = await LoadAsync(blob, now, ct);
        var mayCommit = digest is not null;
        if (digest is null)
        {
            if (rebuild is null)
            {
                digest = new SyncDigest();
            }
            else
            {
                LogRebuilding(source, distrust!);
                digest = new SyncDigest();
                await foreach (var (id, hash, deleted) in rebuild(ct))
                {
                    if (deleted) digest.Deleted(id);
                    else digest.Stored(id, hash);
                }

                mayCommit = mayRebuildAndSave;
            }
        }

        // The mark comes before any row is written. If another writer marked it first, this run
        // goes on with what it loaded but leaves saving to a later run.
        if (await MarkWritingAsync(blob, etag, now, ct) is { } marked)
        {
            etag = marked;
        }
        else
        {
            LogRaced(source);
            mayCommit = false;
        }

        return new SyncDigestSession(this, source, blob, digest, etag, mayCommit);
    }

    /// <summary>The digest only when it is marked clean; otherwise why it is not trusted.</summary>
    private static async Task<LoadedDigest> LoadAsync(BlobClient blob, DateTimeOffset now, CancellationToken ct)
    {
        SyncDigest? digest = null;
        ETag? etag = null;
        string? distrust;
        var mayRebuildAndSave = true;
        try
        {
            var download = (await blob.DownloadContentAsync(ct)).Value;
            etag = download.Details.ETag;
            var metadata = download.Details.Metadata;
            metadata.TryGetValue(StateKey, out var state);
            if (state == Clean)
            {
                digest = SyncDigest.FromBinary(download.Content);
                distrust = null;
            }
            else
            {
                var since = metadata.TryGetValue(SinceKey, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : DateTimeOffset.MinValue;
                // A recent mark may belong to a run still writing rows: a digest rebuilt now could
                // miss its last writes, so it is used for this run but not saved.
                mayRebuildAndSave = now - since > MaxRunTime;
                distrust = $"it is marked as being written since {since:O}";
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            distrust = "there is none yet";
        }
        catch (InvalidDataException ex)
        {
            distrust = ex.Message;
        }

        return new LoadedDigest(digest, etag, distrust, mayRebuildAndSave);
    }

    /// <returns>The blob's ETag after the mark; null when another writer changed the blob first.</returns>
    private static async Task<ETag?> MarkWritingAsync(BlobClient blob, ETag? etag, DateTimeOffset now, CancellationToken ct)
    {
        var metadataWriting = new Dictionary<string, string> { [StateKey] = Writing, [SinceKey] = now.ToString("O", CultureInfo.InvariantCulture) };
        try
        {
            return etag is { } current
                ? (await blob.SetMetadataAsync(metadataWriting, new BlobRequestConditions { IfMatch = current }, ct)).Value.ETag
                : (await blob.UploadAsync(new SyncDigest().ToBinary(), new BlobUploadOptions { Metadata = metadataWriting, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct)).Value.ETag;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }

    internal async Task<bool> CommitAsync(SyncDigestSession session, CancellationToken ct)
    {
        if (!session.MayCommit || session.ETag is not { } etag)
        {
            LogNotSaved(session.Source);
            return false;
        }

        try
        {
            await session.Blob.UploadAsync(session.Digest.ToBinary(), new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string> { [StateKey] = Clean, [SinceKey] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
                Conditions = new BlobRequestConditions { IfMatch = etag },
            }, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            LogRaced(session.Source);
            return false;
        }
    }

    private readonly record struct LoadedDigest(SyncDigest? Digest, ETag? ETag, string? Distrust, bool MayRebuildAndSave);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilding the {Source} digest from the table: {Reason}.")]
    private partial void LogRebuilding(string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another run marked the {Source} digest meanwhile; this run leaves it to be rebuilt.")]
    private partial void LogRaced(string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Source} digest stays marked as being written; a later run rebuilds it.")]
    private partial void LogNotSaved(string source);
}

/// <summary>One writer's use of a source's digest, between its mark and its save.</summary>
public sealed class SyncDigestSession
{
    private readonly SyncDigestStore _store;

    internal SyncDigestSession(SyncDigestStore store, string source, BlobClient blob, SyncDigest digest, ETag? etag, bool mayCommit)
    {
        _store = store;
        Source = source;
        Blob = blob;
        Digest = digest;
        ETag = etag;
        MayCommit = mayCommit;
    }

    public string Source { get; }

    public SyncDigest Digest { get; }

    /// <summary>False when the digest was rebuilt while another run may be writing, or another run marked it.</summary>
    public bool MayCommit { get; }

    internal BlobClient Blob { get; }

    internal ETag? ETag { get; }

    /// <summary>Saves the digest as clean, after every row it describes is stored; false when it may not.</summary>
    public Task<bool> CommitAsync(CancellationToken ct) => _store.CommitAsync(this, ct);
}
