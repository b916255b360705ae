using System.Collections.Concurrent;
using Integration.Core.SharePoint;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Notifications;

/// <summary>
/// The night's personal notifications: one per person, holding every event of theirs the ledger
/// has not seen reach them. An event goes to its owner (by site-user lookup id, addressed by the
/// email the User Information List holds for that id) and, from the escalated step on, to the
/// coordinator too; when the coordinator is also an owner, they get one notification with both.
/// Each send is recorded in the ledger right after Graph accepted it, per recipient, so a retry or
/// a rerun sends only what is missing. A person Graph refuses is recorded by lookup id and the
/// others go on; a failure another try may fix is reported back for the queue to retry.
/// </summary>
public sealed partial class PersonalNotifications(
    DeliveryLedger ledger,
    SharePointLists lists,
    IActivityFeed feed,
    IOptions<TeamsOptions> teams,
    ILogger<PersonalNotifications> logger)
{
    private const int Parallelism = 4;

    public bool IsEnabled => teams.Value.ActivityFeed.Enabled;

    /// <param name="links">Where each event's item opens in SharePoint, by event id.</param>
    public async Task<PersonalOutcome> SendAsync(string runId, IReadOnlyList<NotificationMessage> events, IReadOnlyDictionary<string, Uri?> links, CancellationToken ct)
    {
        var outcome = new PersonalOutcome();
        var wanted = Recipients(events, outcome);

        // What each recipient still lacks; one who has everything is not looked up at all.
        var missing = new ConcurrentBag<(Recipient Recipient, List<NotificationMessage> Events)>();
        await Parallel.ForEachAsync(wanted, Options(ct), async (entry, token) =>
        {
            var delivered = await ledger.DeliveredAsync(entry.Key.Key, entry.Value.Select(e => e.EventId).ToList(), token);
            var rest = entry.Value.Where(e => !delivered.Contains(e.EventId)).ToList();
            if (rest.Count > 0) missing.Add((entry.Key, rest));
        });

        var addressed = new ConcurrentBag<(string Address, Recipient Recipient, List<NotificationMessage> Events)>();
        await Parallel.ForEachAsync(missing, Options(ct), async (entry, token) =>
        {
            if (await AddressAsync(runId, entry.Recipient, entry.Events, outcome, token) is { } address) addressed.Add((address, entry.Recipient, entry.Events));
        });

        // One notification per address: the coordinator who also owns items gets them together.
        var groups = addressed.GroupBy(a => a.Address, StringComparer.OrdinalIgnoreCase).ToList();
        await Parallel.ForEachAsync(groups, Options(ct), (group, token) => SendToAsync(runId, group, links, outcome, token));
        return outcome;
    }

    private async ValueTask SendToAsync(string runId, IGrouping<string, (string Address, Recipient Recipient, List<NotificationMessage> Events)> group, IReadOnlyDictionary<string, Uri?> links, PersonalOutcome outcome, CancellationToken token)
    {
        var parts = group.ToList();
        var items = parts.SelectMany(p => p.Events).DistinctBy(e => e.EventId, StringComparer.Ordinal)
            .Select(e => (e, links.GetValueOrDefault(e.EventId))).ToList();
        var keys = string.Join(", ", parts.Select(p => p.Recipient.Key));
        if (PersonalNotice.Build(items) is not { } notice)
        {
            outcome.Fail(new TeamsPostException("No event of a personal notification had a link to its item (the plan-item list's address was not read); the queue tries again later.", null, isTransient: true));
            LogNoLink(runId, keys);
            return;
        }

        try
        {
            await feed.SendAsync(group.Key, notice, token);
        }
        catch (ActivityFeedRefusedException refused)
        {
            foreach (var part in parts)
            {
                await ledger.RecordRefusedAsync(part.Recipient.Key, part.Events.Select(e => e.EventId).ToList(), runId, refused.Status, refused.Code, token);
                outcome.Refuse(part.Recipient, $"{refused.Status}{(refused.Code is null ? "" : " " + refused.Code)}");
                LogRefused(runId, part.Recipient.Key, refused.Status, refused.Code);
            }

            return;
        }
        catch (TeamsPostException failure) when (failure.IsTransient)
        {
            outcome.Fail(failure);
            LogFailed(runId, keys, failure.Message);
            return;
        }

        foreach (var part in parts) await ledger.RecordAsync(part.Recipient.Key, part.Events.Select(e => e.EventId).ToList(), runId, post: 1, token);
        outcome.Sent(notice.EventIds.Count);
        LogSent(runId, keys, notice.EventIds.Count);
    }

    private Dictionary<Recipient, List<NotificationMessage>> Recipients(IReadOnlyList<NotificationMessage> events, PersonalOutcome outcome)
    {
        var coordinator = string.IsNullOrWhiteSpace(teams.Value.CoordinatorEmail) ? null : new Recipient(DeliveryLedger.Coordinator, "the coordinator", null);
        var wanted = new Dictionary<Recipient, List<NotificationMessage>>();
        void Add(Recipient recipient, NotificationMessage message)
        {
            if (!wanted.TryGetValue(recipient, out var list)) wanted[recipient] = list = [];
            list.Add(message);
        }

        foreach (var message in events)
        {
            if (!string.IsNullOrWhiteSpace(message.RecipientLookupId))
            {
                Add(new Recipient(DeliveryLedger.Person(message.RecipientLookupId), $"site user {message.RecipientLookupId}", message.RecipientLookupId), message);
            }

            if (EscalationSteps.Of(message) == EscalationStep.Escalated)
            {
                if (coordinator is not null) Add(coordinator, message);
                else outcome.EscalatedWithoutCoordinator();
            }
        }

        return wanted;
    }

    /// <summary>The address to send to: the coordinator's setting, or the owner's email from the User Information List.</summary>
    private async Task<string?> AddressAsync(string runId, Recipient recipient, List<NotificationMessage> events, PersonalOutcome outcome, CancellationToken ct)
    {
        if (recipient.LookupId is not { } lookupId) return teams.Value.CoordinatorEmail;

        SiteUser? user;
        try
        {
            user = await lists.GetSiteUserAsync(lookupId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            outcome.Fail(new TeamsPostException($"The address of {recipient.Label} could not be read ({ex.GetType().Name}); the queue tries again later.", null, isTransient: true));
            LogLookupFailed(runId, recipient.Key, ex.GetType().Name);
            return null;
        }

        if (user is { Email: { Length: > 0 } email }) return email;

        // Nobody to address: on record by lookup id, as a refusal is, and not tried again for these events.
        var code = user is null ? "noSuchSiteUser" : "noEmail";
        await ledger.RecordRefusedAsync(recipient.Key, events.Select(e => e.EventId).ToList(), runId, null, code, ct);
        outcome.Refuse(recipient, user is null ? "not in the User Information List" : "no email address in the User Information List");
        LogUnaddressable(runId, recipient.Key, code);
        return null;
    }

    private static ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct };

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: personal notification for {Recipients} accepted by Teams ({Events} events).")]
    private partial void LogSent(string runId, string recipients, int events);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: Graph refused the personal notification for {Recipient} with {Status} ({Code}); recorded, the others go on, the channel digest carries the items.")]
    private partial void LogRefused(string runId, string recipient, int status, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: {Recipient} cannot be addressed ({Code}); recorded, the channel digest carries the items.")]
    private partial void LogUnaddressable(string runId, string recipient, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the personal notification for {Recipients} failed: {Error}")]
    private partial void LogFailed(string runId, string recipients, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the address of {Recipient} could not be read ({Error}).")]
    private partial void LogLookupFailed(string runId, string recipient, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: the personal notification for {Recipients} has no link to any of its items.")]
    private partial void LogNoLink(string runId, string recipients);
}

/// <summary>Whom a personal notification is for: a ledger key and words for the run's summary, neither of them personal data.</summary>
/// <param name="LookupId">The site user's lookup id; null for the coordinator, addressed by setting.</param>
public sealed record Recipient(string Key, string Label, string? LookupId);

/// <summary>What the night's personal notifications came to; thread-safe.</summary>
public sealed class PersonalOutcome
{
    private readonly Lock gate = new();
    private readonly List<string> refused = [];
    private readonly List<TeamsPostException> failures = [];
    private int notifications;
    private int events;
    private int escalatedWithoutCoordinator;

    public int Notifications => Volatile.Read(ref notifications);

    public int Events => Volatile.Read(ref events);

    public int EscalatedWithoutCoordinatorCount => Volatile.Read(ref escalatedWithoutCoordinator);

    /// <summary>"site user 12 (403 Forbidden)": who was refused and why, by lookup id.</summary>
    public IReadOnlyList<string> Refused
    {
        get
        {
            lock (gate)
            {
                return [.. refused];
            }
        }
    }

    /// <summary>Failures another try may fix; the handler throws so the queue retries.</summary>
    public IReadOnlyList<TeamsPostException> Failures
    {
        get
        {
            lock (gate)
            {
                return [.. failures];
            }
        }
    }

    internal void Sent(int eventCount)
    {
        Interlocked.Increment(ref notifications);
        Interlocked.Add(ref events, eventCount);
    }

    internal void Refuse(Recipient recipient, string why)
    {
        lock (gate)
        {
            refused.Add($"{recipient.Label} ({why})");
        }
    }

    internal void Fail(TeamsPostException failure)
    {
        lock (gate)
        {
            failures.Add(failure);
        }
    }

    internal void EscalatedWithoutCoordinator() => Interlocked.Increment(ref escalatedWithoutCoordinator);
}
