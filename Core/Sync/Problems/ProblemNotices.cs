using System.Security.Cryptography;
using System.Text;
using Integration.Core.Notifications;
using Integration.Core.Sync.State;

namespace Integration.Core.Sync.Problems;

/// <summary>
/// A problem newly told on an item becomes a <see cref="NotificationEvents.DataProblemFound"/> event for the
/// digest's "Att rätta i SharePoint" and, where the item has an owner, for that person. The event id names
/// the text, so the same problem is told once however often the item is read, and a changed one again.
/// </summary>
public sealed class ProblemNotices(NotificationOutbox outbox, TimeProvider time)
{
    public Task<bool> TellAsync(OpenProblem problem, CancellationToken ct) => outbox.EnqueueOnceAsync(ToMessage(problem, time.GetUtcNow()), ct);

    public static NotificationMessage ToMessage(OpenProblem problem, DateTimeOffset now) => new(
        EventId: $"{problem.Source}:{problem.ItemId}:{NotificationEvents.DataProblemFound}:{TextKey(problem.Text)}",
        Event: NotificationEvents.DataProblemFound,
        Source: problem.Source,
        ItemId: problem.ItemId,
        Title: problem.Title,
        RecipientLookupId: problem.OwnerLookupId,
        Facts: [new NotificationFact("Att rätta", problem.Text)],
        WebUrl: null,
        DetectedAt: now);

    /// <summary>A short fingerprint of the text: the event id stays within a table key's size.</summary>
    private static string TextKey(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
