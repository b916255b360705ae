using Integration.Core.Privacy;
using Integration.Core.Sync.Problems;

namespace Integration.Core.PlanItems;

/// <summary>
/// The plan-item feature's Swedish texts: what the night writes on an item it cannot use, naming the
/// column as the list shows it and saying how to fix it. The English reason beside each is for the
/// Quarantine table and logs.
/// </summary>
public static class PlanItemTexts
{
    /// <summary>The columns' Swedish display names, as the texts name them.</summary>
    public static string Column(string column) => column switch
    {
        PlanItemColumns.Title => "Aktivitet",
        PlanItemColumns.Goal => "Mål",
        PlanItemColumns.ResponsibleBody => "Ansvarig nämnd",
        PlanItemColumns.Owner => "Ansvarig",
        PlanItemColumns.DueDate => "Slutdatum",
        PlanItemColumns.Status => "Status",
        PlanItemColumns.CaseNumber => "Diarienummer",
        PlanItemColumns.BudgetAssignment => "Budgetuppdrag",
        PlanItemColumns.OverdueFlag => "Försenad",
        PlanItemColumns.IndicatorValue => "Indikatorvärde",
        _ => column,
    };

    public static ItemProblem TitleMissing() =>
        new("Title is missing.", "Kolumnen Aktivitet är tom. Skriv aktivitetens namn där.");

    public static ItemProblem TitleTooLong(int length, int limit) =>
        new($"Title is {length} characters; the limit is {limit}.", $"Aktivitetens namn är {length} tecken långt; högst {limit} får plats. Korta namnet.");

    public static ItemProblem DueDateMissing(string internalName) =>
        new($"Due date (column {internalName}) is missing.", "Slutdatum saknas. Fyll i kolumnen Slutdatum.");

    public static ItemProblem DueDateNotADate(string raw) =>
        new($"Due date {PersonalData.Quote(raw)} is not a date in ISO 8601 form (yyyy-MM-dd) or as SharePoint writes it; a date such as 10/12/2026 is ambiguous and is not guessed.",
            $"Slutdatumet {NetworkText.Quote(raw)} är inte ett datum. Välj datumet i kolumnen Slutdatum, eller skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-12-31.");

    public static ItemProblem StatusMissing(IReadOnlyList<string> choices) =>
        new("Status is missing.", $"Status saknas. Välj en av: {string.Join(", ", choices)}.");

    public static ItemProblem StatusUnknown(string raw, IReadOnlyList<string> choices) =>
        new($"Status {PersonalData.Quote(raw)} is not one of the accepted values (see SharePoint__PlanItemStatuses){PlanItemStatusMap.Oddities(raw)}.",
            $"Status {NetworkText.Quote(raw)} finns inte. Välj en av: {string.Join(", ", choices)}.");

    public static ItemProblem OwnerMissing() =>
        new("Owner is missing.", "Ansvarig saknas. Välj en person i kolumnen Ansvarig.", AboutOwner: true);

    public static ItemProblem OwnerNotAUserId(string raw) =>
        new($"Owner {PersonalData.Quote(raw)} is not a SharePoint user id (a whole number).",
            "Den ansvariga kunde inte läsas som en person på webbplatsen. Välj personen på nytt i kolumnen Ansvarig.", AboutOwner: true);

    public static ItemProblem OwnerNotOnSite(string lookupId) =>
        new($"Owner (user {lookupId}) is not in the site's User Information List.",
            "Den ansvariga finns inte bland webbplatsens användare. Välj personen på nytt i kolumnen Ansvarig.", AboutOwner: true);

    public static ItemProblem OwnerWithoutEmail(string lookupId) =>
        new($"Owner (user {lookupId}) has no email in the site's User Information List.",
            "Den ansvariga saknar e-postadress på webbplatsen, så påminnelser kan inte nå personen. Välj en annan ansvarig, eller be webbplatsens administratör lägga in adressen.", AboutOwner: true);

    public static ItemProblem TextTooLong(string column, int length, int limit) =>
        new($"{column} is {length} characters; the limit is {limit}.", $"Kolumnen {Column(column)} är {length} tecken lång; högst {limit} får plats. Korta texten.");
}
