namespace Integration.Emulators.Graph;

/// <summary>How <see cref="FaultInjector.LoopPages"/> keeps a client paging: the faults of a server whose paging has gone wrong.</summary>
public enum PageLoop
{
    /// <summary>Every answer's <c>@odata.nextLink</c> points back at the request itself: the same page, by the same link, for ever.</summary>
    SamePage,

    /// <summary>
    /// The page that would end the read (with its <c>@odata.deltaLink</c>, or a listing's last page) points back at
    /// the first page instead: the client goes round the feed's pages again and again.
    /// </summary>
    BackToFirst,

    /// <summary>
    /// Every answer's <c>@odata.nextLink</c> points at the request itself with a new <c>loop=n</c> in its query: a
    /// link never seen before each time, so only a cap on the pages stops the client.
    /// </summary>
    Endless,
}
