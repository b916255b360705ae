using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.CaseSystem;
using Integration.Core.Queues;
using Integration.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// Registers one archived meeting-note version as a document on the network's case, exactly once.
/// The document carries a marker (the drive item and the content's SHA-256), and the marker is
/// looked up before every create, so a redelivered message, a rerun, or a retry after a create
/// whose answer was lost records the document that exists instead of making a second one. A claim
/// on the version row keeps two deliveries from creating at the same moment. A failure is written
/// on the version row and thrown, so the queue retries and, in the end, keeps the message in its
/// poison queue for <c>replay</c>.
/// </summary>
public sealed partial class CaseRegistrationHandler(
    MeetingNoteStore store,
    MeetingNoteArchive archive,
    ICaseSystem caseSystem,
    MeetingNoteAnnouncement announcement,
    IOptions<CaseSystemOptions> options,
    TimeProvider time,
    ILogger<CaseRegistrationHandler> logger) : IMessageHandler<CaseRegistrationMessage>
{
    /// <summary>Longer than one create may take, so a live claim is never taken over; a dead one lapses after it.</summary>
    public static readonly TimeSpan ClaimDuration = CaseSystemModule.CreateTimeout + TimeSpan.FromMinutes(5);

    /// <summary>The marker a version's document carries: the drive item and the SHA-256 of its content.</summary>
    public static string Marker(string itemId, string sha256) => $"{itemId}:{sha256}";

    public async Task<StepResult> HandleAsync(CaseRegistrationMessage message, MessageContext context, CancellationToken ct)
    {
        var settings = options.Value;
        var version = await store.GetVersionAsync(message.VersionKey, ct)
            ?? throw new InvalidQueueMessageException($"No meeting-note version {message.VersionKey} is recorded; the message names nothing to register.");
        if (version.GetString(MeetingNoteStore.RegistrationStateColumn) == RegistrationState.Registered)
        {
            var documentNumber = version.GetString("DocumentNumber");
            LogAlreadyDone(message.ItemId, documentNumber);
            // A delivery that stopped between the registration and its announcement finishes it.
            if (!MeetingNoteAnnouncement.IsDone(version)) await announcement.AnnounceAsync(version, message.VersionKey, message.ItemId, documentNumber, ct);
            return Counts(0, 0);
        }

        if (!settings.IsConfigured)
        {
            await FailAsync(message, context, "The case system is not configured (CaseSystem__BaseUrl is not set); the version stays archived and pending.", ct);
            throw new CaseSystemException("The case system is not configured (CaseSystem__BaseUrl is not set).", isTransient: false);
        }

        var now = time.GetUtcNow();
        var claimant = context.MessageId ?? Guid.NewGuid().ToString("N");
        if (!await store.TryClaimAsync(version, claimant, now, now + ClaimDuration, ct))
        {
            // Another delivery is registering it now; this one tries again later and then finds it done.
            throw new RegistrationBusyException($"Meeting-note version {message.VersionKey} is being registered by another delivery; try again later.");
        }

        try
        {
            var sha256 = version.GetString("Sha256") ?? throw new InvalidOperationException($"Version {message.VersionKey} has no SHA-256.");
            var marker = Marker(message.ItemId, sha256);
            var caseNumber = settings.NetworkCaseNumber!;
            if (await caseSystem.FindDocumentAsync(caseNumber, marker, ct) is { } existing)
            {
                await store.MarkRegisteredAsync(message.VersionKey, existing, RegistrationState.Found, message.RunId, time.GetUtcNow(), ct);
                LogFound(message.ItemId, existing.DocumentNumber);
                await announcement.AnnounceAsync(version, message.VersionKey, message.ItemId, existing.DocumentNumber, ct);
                return Counts(0, 1);
            }

            var created = await caseSystem.CreateDocumentAsync(Draft(version, message.ItemId, sha256, marker, settings), ct);
            await store.MarkRegisteredAsync(message.VersionKey, created, RegistrationState.Created, message.RunId, time.GetUtcNow(), ct);
            LogRegistered(message.ItemId, created.DocumentNumber);
            await announcement.AnnounceAsync(version, message.VersionKey, message.ItemId, created.DocumentNumber, ct);
            return Counts(1, 0);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFailed(message.ItemId, context.DequeueCount, ex.Message);
            await FailAsync(message, context, ex is CaseSystemException refused ? refused.FullMessage : ex.Message, ct);
            throw;
        }
    }

    private CaseDocumentDraft Draft(TableEntity version, string itemId, string sha256, string marker, CaseSystemOptions settings)
    {
        var fileName = version.GetString("FileName") ?? itemId;
        var meetingDate = DateOnly.ParseExact(version.GetString("MeetingDate")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var group = version.GetString("Group");
        var date = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = string.IsNullOrWhiteSpace(group) ? $"Minnesanteckningar {date}" : $"Minnesanteckningar {group} {date}";
        return new CaseDocumentDraft(
            settings.NetworkCaseNumber!,
            title,
            $"Minnesanteckningar från nätverkets möte {date}{(string.IsNullOrWhiteSpace(group) ? "" : $" ({group})")}. Fil: {fileName}.",
            meetingDate,
            marker,
            Path.GetFileNameWithoutExtension(fileName),
            Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant(),
            version.GetInt64("Size") ?? 0,
            token => archive.OpenAsync(sha256, token))
        {
            Category = settings.DocumentCategory,
            Status = settings.DocumentStatus,
            AccessCode = settings.AccessCode,
        };
    }

    private async Task FailAsync(CaseRegistrationMessage message, MessageContext context, string error, CancellationToken ct)
    {
        try
        {
            await store.MarkFailedAsync(message.VersionKey, error, context.DequeueCount, message.RunId, time.GetUtcNow(), ct);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or Storage.StorageUnavailableException)
        {
            // The registration's own error is the one to report; the queue keeps the message either way.
            LogStateNotSaved(message.ItemId, ex.Message);
        }
    }

    private static StepResult Counts(int registered, int alreadyRegistered) => StepResult.Succeeded(new Dictionary<string, int>
    {
        ["registered"] = registered,
        ["alreadyRegistered"] = alreadyRegistered,
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting note {ItemId} is registered already as {DocumentNumber}; a repeated message changes nothing.")]
    private partial void LogAlreadyDone(string itemId, string? documentNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting note {ItemId} was found registered as {DocumentNumber} by its marker; recorded, not created again.")]
    private partial void LogFound(string itemId, string documentNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meeting note {ItemId} registered as {DocumentNumber}.")]
    private partial void LogRegistered(string itemId, string documentNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registration of meeting note {ItemId} failed on attempt {Attempt}: {Error}")]
    private partial void LogFailed(string itemId, long attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failed registration of meeting note {ItemId} could not be written on its version row: {Error}")]
    private partial void LogStateNotSaved(string itemId, string error);
}

/// <summary>Another delivery holds the version; the queue brings this message back later.</summary>
public sealed class RegistrationBusyException(string message) : Exception(message);
