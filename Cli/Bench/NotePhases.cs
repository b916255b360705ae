using System.Diagnostics;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Integration.Core.MeetingNotes;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Bench;

/// <summary>
/// The meeting-notes phases of the bench, run by <see cref="BenchPhases"/> in a process of their own: the
/// MeetingNotes sync (download, SHA-256, archive, index) and, for <see cref="Register"/>, the registration of
/// what it queued, worked as the case-registration trigger would work it. Sync and registration are timed apart.
/// </summary>
internal static class NotePhases
{
    public const string FullSync = "notes-full-sync";
    public const string Sync = "notes-sync";
    public const string Register = "notes-register";

    public static IReadOnlyList<string> All { get; } = [FullSync, Sync, Register];

    // Long enough for one large note's registration; a message not finished by then would be worked twice.
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(10);

    public static async Task<PhaseResult> RunAsync(string phase, IServiceProvider provider, CancellationToken ct)
    {
        var storage = provider.GetRequiredService<IntegrationStorage>();
        var archive = await storage.ContainerAsync(ContainerNames.MeetingNotes, ct);
        var registrations = await storage.QueueAsync(QueueNames.CaseRegistration, ct);
        var blobsBefore = await CountBlobsAsync(archive, ct);
        var sync = provider.GetServices<ISourceSync>().Single(s => s.Source == MeetingNotesModule.Source);

        var clock = Stopwatch.StartNew();
        var counts = await sync.RunAsync(phase, ct);
        var syncSeconds = clock.Elapsed.TotalSeconds;

        var registered = phase == Register
            ? await RegisterAsync(provider.GetRequiredService<QueueMessageDispatcher>(), registrations, ct)
            : new Registered(0, 0, 0, null);
        var blobsWritten = await CountBlobsAsync(archive, ct) - blobsBefore;
        return new PhaseResult(
            phase, syncSeconds, 0, 0, 0, 0, counts.Read, counts.Created, counts.Updated, counts.Unchanged, counts.Deleted, counts.Quarantined,
            BlobsWritten: blobsWritten, Registrations: registered.Worked, RegistrationFailures: registered.Failed,
            RegistrationSeconds: registered.Seconds, RegistrationError: registered.FirstError);
    }

    /// <summary>
    /// Takes every message from the queue and hands each to the dispatcher, as the queue trigger does, then
    /// deletes it. A message that fails is counted and left for its visibility timeout, so the figures still
    /// come out and the report says what failed.
    /// </summary>
    private static async Task<Registered> RegisterAsync(QueueMessageDispatcher dispatcher, QueueClient queue, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        int worked = 0, failed = 0;
        string? firstError = null;
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(maxMessages: 32, VisibilityTimeout, ct)).Value;
            if (batch.Length == 0)
            {
                return new Registered(worked, failed, clock.Elapsed.TotalSeconds, firstError);
            }

            foreach (var message in batch)
            {
                try
                {
                    await dispatcher.DispatchAsync(QueueNames.CaseRegistration, message.Body.ToString(), message.DequeueCount, ct);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                    worked++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed++;
                    firstError ??= $"{ex.GetType().Name}: {ex.Message}";
                }
            }
        }
    }

    private static async Task<int> CountBlobsAsync(BlobContainerClient container, CancellationToken ct)
    {
        var count = 0;
        await foreach (var _ in container.GetBlobsAsync(cancellationToken: ct)) count++;
        return count;
    }

    private sealed record Registered(int Worked, int Failed, double Seconds, string? FirstError);
}
