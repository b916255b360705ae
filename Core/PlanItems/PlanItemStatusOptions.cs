namespace Integration.Core.PlanItems;

/// <summary>
/// The Status choice values the network uses (<c>SharePoint__PlanItemStatuses__*</c>). Lists are
/// bilingual ("Klar / Done"), and sites differ, so each status accepts several spellings, compared
/// case-insensitively.
/// </summary>
public sealed class PlanItemStatusOptions
{
    public const string Section = "SharePoint:PlanItemStatuses";

    public string NotStarted { get; set; } = "Ej påbörjad / Not started;Ej påbörjad;Not started";
    public string InProgress { get; set; } = "Pågår / In progress;Pågår;In progress";
    public string Done { get; set; } = "Klar / Done;Klar;Done";
    public string Cancelled { get; set; } = "Avbruten / Cancelled;Avbruten;Cancelled";
}
