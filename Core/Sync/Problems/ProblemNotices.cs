using System.Security.Cryptography;
using System.Text;
using Integration.Core.Notifications;
using Integration.Core.Queues;
using Integration.Core.Sync.State;

namespace Integration.Core.Sync.Problems;

/// <summary>
/// A problem newly told on an item becomes a <see cref="NotificationEvents.DataProblemFound"/> event for the
/// digest's "Att rätta i SharePoint" and, where the item has an owner, for that person. The event id names
/// the text, so a changed problem is a new event. The <c>DataProblems</c> table is the ledger here: a
/// problem is told when its row is written or its text changes, never again while the row stands, so the
/// message goes straight to the queue (a repeat after a crash is one event id, which the digest's delivery
/// ledger sends once) instead of through the outbox's read and write per event.
/// </summary>
public sealed class ProblemNotices(QueueSender queue, TimeProvider time)
{
    /// <param name="list">The list or library as the settings name it, shown so the reader knows where to look.</param>
    public Task TellAsync(IEnumerable<OpenProblem> problems, string? list, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A first night can find hundreds on a page: a few packed messages, not a message each.
        return NotificationBatchMessage.SendAsync(queue, problems.Select(p => ToMessage(p, list, now)), ct);
    }

    public static NotificationMessage ToMessage(OpenProblem problem, string? list, DateTimeOffset now) => new(
        EventId: $"{problem.Source}:{problem.ItemId}:{NotificationEvents.DataProblemFound}:{TextKey(problem.Text)}",
        Event: NotificationEvents.DataProblemFound,
        Source: problem.Source,
        ItemId: problem.ItemId,
        Title: problem.Title,
        RecipientLookupId: problem.OwnerLookupId,
        Facts: ListLabel(list) is { } label ? [new NotificationFact("Lista", label), new NotificationFact("Att rätta", problem.Text)] : [new NotificationFact("Att rätta", problem.Text)],
        WebUrl: problem.WebUrl,
        DetectedAt: now);

    /// <summary>A list configured by its display name is shown by it; one configured by its id is not shown (a GUID tells a reader nothing).</summary>
    private static string? ListLabel(string? list) => string.IsNullOrWhiteSpace(list) || Guid.TryParse(list, out _) ? null : list.Trim();

    /// <summary>A short fingerprint of the text: the event id stays within a table key's size.</summary>
    private static string TextKey(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
