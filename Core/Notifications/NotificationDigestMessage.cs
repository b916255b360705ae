using Integration.Core.Queues;

namespace Integration.Core.Notifications;

/// <summary>
/// "Send the night's digest now", on the <c>notifications</c> queue beside the events. It travels
/// on the queue so that a Teams outage is retried by the host and, past its tries, kept in
/// <c>notifications-poison</c> with the reason on the night's run, for <c>replay</c>.
/// </summary>
public sealed record NotificationDigestMessage(string RunId) : IQueueMessage, IRunStepMessage
{
    string IRunStepMessage.StepName => NotificationDigestHandler.Step;

    public static string MessageKind => "notification-digest";

    public static int CurrentVersion => 1;

    public static string Queue => QueueNames.Notifications;

    public string Kind => MessageKind;

    public int SchemaVersion { get; init; } = CurrentVersion;
}
