namespace Integration.Core.Sync.Problems;

/// <summary>
/// One thing wrong with a source item, said twice: in English for engineers (the Quarantine table,
/// logs, the CLI) and in Swedish for the people who can fix it (the item's data-problem column, Teams).
/// The Swedish text comes from the feature's catalogue of texts, never from the English one.
/// </summary>
/// <param name="Reason">English: what is wrong, naming the column and the setting.</param>
/// <param name="Text">Swedish: what is wrong and how to fix it, as a coordinator reads it in SharePoint.</param>
/// <param name="AboutOwner">The problem is the owner (none, unknown, unreachable): it is not sent to that person.</param>
public sealed record ItemProblem(string Reason, string Text, bool AboutOwner = false)
{
    /// <summary>
    /// Said of a refusal no catalogue has words for (an item Graph sent in a form that cannot be
    /// read, a file the content check refused): the item is named, and who can help.
    /// </summary>
    public const string GenericText = "Objektet kunde inte läsas in av nattens synkning. Kontakta samordnaren, som kan se orsaken i driftens logg.";

    /// <summary>The Swedish texts of several problems as the column shows them: one sentence group after another.</summary>
    public static string Join(IEnumerable<ItemProblem> problems) => string.Join(" ", problems.Select(p => p.Text).Distinct(StringComparer.Ordinal));
}
