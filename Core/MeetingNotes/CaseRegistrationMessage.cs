using Integration.Core.Queues;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// Asks a worker to register one archived meeting-note version in the case system, on the
/// <c>case-registration</c> queue. It names the version row (partition <c>versions</c> of the
/// MeetingNotes table), which holds everything the registration needs; no file name or person
/// travels in the queue. Redelivery is safe: see <c>CaseRegistrationHandler</c>.
/// </summary>
/// <param name="RunId">The night that archived the version; its run-once summary counts the outcome.</param>
public sealed record CaseRegistrationMessage(string RunId, string VersionKey, string ItemId) : IQueueMessage
{
    public static string MessageKind => "case-registration";

    public static int CurrentVersion => 1;

    public static string Queue => QueueNames.CaseRegistration;

    public string Kind => MessageKind;

    public int SchemaVersion { get; init; } = CurrentVersion;
}
