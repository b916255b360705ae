namespace Integration.Core.MeetingNotes;

/// <summary>Where a meeting-note version stands in the case system, as its version row says.</summary>
public static class RegistrationState
{
    /// <summary>Archived; its registration waits in the queue (or the case system is not configured).</summary>
    public const string Pending = "Pending";

    /// <summary>A worker holds the version while it looks up and registers it (see <c>ClaimedUntil</c>).</summary>
    public const string Registering = "Registering";

    /// <summary>On the network's case, with its document number.</summary>
    public const string Registered = "Registered";

    /// <summary>The last attempt failed; <c>LastError</c> says why. The queue tries again, then keeps it in its poison queue.</summary>
    public const string Failed = "Failed";

    /// <summary>How a version came to be registered: we created the document, or found it by its marker.</summary>
    public const string Created = "Created";

    /// <inheritdoc cref="Created"/>
    public const string Found = "Found";
}
