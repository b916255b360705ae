namespace Integration.Emulators.Graph;

/// <summary>
/// Where one delta enumeration stands. The round covers changes in (<see cref="Since"/>, <see cref="Upper"/>],
/// fixed when its first page is read, so its pages stay stable while the list keeps changing: anything
/// changed later gets a sequence above <see cref="Upper"/> and comes in the next round.
/// <see cref="Repeats"/> are items SharePoint sends twice this round: once first, once last.
/// </summary>
internal sealed record DeltaRound(long Since, long Upper, long After, int Leading, int Trailing, IReadOnlyList<int> Repeats)
{
    /// <summary>Deletions matter only to a client that already holds items.</summary>
    public bool IncludesDeletions => Since > 0;
}

/// <summary>One page of a delta round; <see cref="Next"/> is null on the round's last page.</summary>
internal sealed record DeltaPage(IReadOnlyList<ListItemRecord> Items, DeltaRound? Next, long Upper);
