using System.Diagnostics;
using Azure;
using Azure.Storage.Blobs.Specialized;
using Integration.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Integration.Core.Sync.State;

/// <summary>
/// One writer per source at a time, across processes: a blob lease on <c>sync-state/{source}.lock</c>,
/// held by a source's sync and by the overdue scan, renewed while they work. Two runs at once
/// (a timer and an operator's run-once, two instances) would otherwise both read the same state
/// and both write it, SharePoint flags included. The second waits; if the first holds on past
/// <see cref="MaxWait"/>, the second gives up with <see cref="SourceBusyException"/> and its queue
/// message is tried again later. A process that dies leaves a lease that expires by itself.
/// </summary>
/// <remarks>Wall-clock time, not the injected clock: this is about processes running side by side now.</remarks>
public sealed partial class SourceLocks(IntegrationStorage storage, ILogger<SourceLocks> logger)
{
    /// <summary>How long a lease lasts without renewal: how long a dead holder blocks the next run at most.</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);

    /// <summary>How long a run waits for another to finish with the source.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<IAsyncDisposable> AcquireAsync(string source, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(ContainerNames.SyncState, ct);
        var blob = container.GetBlobClient($"{source}.lock");
        var lease = blob.GetBlobLeaseClient();
        var waited = Stopwatch.StartNew();
        var logged = false;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(LeaseDuration, cancellationToken: ct);
                return new Held(lease, this, source);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // The first run on this source: the blob to lease is made once.
                await CreateAsync(blob, ct);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                if (waited.Elapsed > MaxWait) throw new SourceBusyException(source, MaxWait);
                if (!logged) LogWaiting(source);
                logged = true;
                await Task.Delay(PollEvery, ct);
            }
        }
    }

    /// <summary>
    /// Starts taking the lease without waiting for it: a run that reads before it writes can
    /// overlap the wait with its first reads, and awaits <see cref="PendingLease.HeldAsync"/>
    /// before its first write. Disposing it releases the lease, or gives up taking it.
    /// </summary>
    public PendingLease Begin(string source, CancellationToken ct) => new(this, source, ct);

    private static async Task CreateAsync(Azure.Storage.Blobs.BlobClient blob, CancellationToken ct)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new Azure.Storage.Blobs.Models.BlobUploadOptions { Conditions = new() { IfNoneMatch = ETag.All } }, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Another run made it first.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Another run is working on {Source}; waiting for it to finish.")]
    private partial void LogWaiting(string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease on {Source}; another run may start on it.")]
    private partial void LogRenewFailed(string source, Exception exception);

    /// <summary>A held lease, renewed in the background until it is disposed and released.</summary>
    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease, SourceLocks locks, string source)
        {
            _lease = lease;
            _renewing = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(RenewEvery);
                try
                {
                    while (await timer.WaitForNextTickAsync(_stop.Token)) await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
                catch (RequestFailedException ex)
                {
                    locks.LogRenewFailed(source, ex);
                }
            });
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // Lost or expired meanwhile: nothing to release, and the work itself is done.
            }
        }
    }
}

/// <summary>A lease being taken; see <see cref="SourceLocks.Begin"/>.</summary>
public sealed class PendingLease : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly Task<IAsyncDisposable> _taking;
    private int _disposed;

    internal PendingLease(SourceLocks locks, string source, CancellationToken ct)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _taking = locks.AcquireAsync(source, _cancel.Token);
    }

    /// <summary>Completes once the lease is held; throws <see cref="SourceBusyException"/> when another run keeps it too long.</summary>
    public Task HeldAsync() => _taking;

    /// <summary>Releases the lease once; a second call (a using after an early release) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;

        // A run that never needed the lease (a quiet night) stops waiting for it.
        if (!_taking.IsCompleted) await _cancel.CancelAsync();
        try
        {
            await (await _taking).DisposeAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or SourceBusyException or RequestFailedException)
        {
            // Never held, or lost with storage: nothing to release.
        }
        finally
        {
            _cancel.Dispose();
        }
    }
}

/// <summary>Another run held the source for longer than a run waits; the work is tried again later.</summary>
public sealed class SourceBusyException(string source, TimeSpan waited)
    : Exception($"Another run has been working on {source} for more than {waited.TotalMinutes:0.#} minutes; this run leaves it and is tried again later.");
