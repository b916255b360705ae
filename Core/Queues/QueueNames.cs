namespace Integration.Core.Queues;

/// <summary>
/// The one place queue names live. Trigger attributes need constants, and every queue has a
/// <c>-poison</c> twin that the Functions host fills after <c>maxDequeueCount</c> failed tries.
/// </summary>
public static class QueueNames
{
    public const string SyncSource = "sync-source";
    public const string CaseRegistration = "case-registration";
    public const string Notifications = "notifications";

    public const string PoisonSuffix = "-poison";

    public static IReadOnlyList<string> All { get; } = [SyncSource, CaseRegistration, Notifications];

    public static string Poison(string queue) => queue + PoisonSuffix;
}
