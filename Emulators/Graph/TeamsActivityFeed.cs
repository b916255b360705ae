namespace Integration.Emulators.Graph;

/// <summary>
/// The Teams side of the stand-in: which users the tenant has, for which of them our Teams app is
/// installed, and every activity-feed notification the endpoint answered
/// (<c>POST /users/{upn}/teamwork/sendActivityNotification</c>). A user is known once added; the
/// app counts as installed for them unless <see cref="SetAppInstalled"/> said otherwise, which is
/// what Graph then refuses with 403. Throttling comes from <see cref="FaultInjector.Throttle"/>
/// with <see cref="Action"/> as the path to match. Thread-safe.
/// </summary>
public sealed class TeamsActivityFeed
{
    /// <summary>The action's name in the path, for matching faults to it.</summary>
    public const string Action = "sendActivityNotification";

    private readonly Lock gate = new();
    private readonly Dictionary<string, bool> users = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<ActivityNotification> received = [];

    /// <summary>Every request the endpoint answered (204, 400, 403 or 404), in order; injected faults are not among them.</summary>
    public IReadOnlyList<ActivityNotification> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    /// <summary>The notifications delivered (answered 204), in order.</summary>
    public IReadOnlyList<ActivityNotification> Delivered => Received.Where(n => n.Status == 204).ToList();

    /// <summary>Adds a user of the tenant by user principal name, with the app installed for them.</summary>
    public void AddUser(string userPrincipalName, bool appInstalled = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userPrincipalName);
        lock (gate)
        {
            users[userPrincipalName] = appInstalled;
        }
    }

    /// <summary>Installs or removes our Teams app for a known user; without it Graph answers 403.</summary>
    public void SetAppInstalled(string userPrincipalName, bool installed)
    {
        lock (gate)
        {
            if (!users.ContainsKey(userPrincipalName)) throw new KeyNotFoundException("No such user in the stand-in's tenant.");
            users[userPrincipalName] = installed;
        }
    }

    /// <summary>The user leaves the tenant: from now on Graph answers 404 for them.</summary>
    public void RemoveUser(string userPrincipalName)
    {
        lock (gate)
        {
            users.Remove(userPrincipalName);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            received.Clear();
        }
    }

    /// <summary>Null for an unknown user, else whether the app is installed for them.</summary>
    internal bool? AppInstalledFor(string userPrincipalName)
    {
        lock (gate)
        {
            return users.TryGetValue(userPrincipalName, out var installed) ? installed : null;
        }
    }

    internal void Record(ActivityNotification notification)
    {
        lock (gate)
        {
            received.Add(notification);
        }
    }
}
