namespace Integration.Core.PlanItems;

/// <summary>
/// One activity of the action plan, as the network keeps it in SharePoint.
/// </summary>
/// <param name="Id">SharePoint list item id.</param>
/// <param name="Goal">The measurable goal or indicator (mål/indikator) the activity serves.</param>
/// <param name="ResponsibleBody">The board, committee or city company that answers for it (ansvarig nämnd/bolag).</param>
/// <param name="OwnerLookupId">The owner's number in the site's User Information List; their address is read from there when a notification goes out, never stored.</param>
/// <param name="DueDate">A calendar date in the site's time zone.</param>
/// <param name="CaseNumber">Diary number (diarienummer) of the case it belongs to, e.g. <c>AMN 2015-0340-01.02</c>.</param>
/// <param name="BudgetAssignment">The budget assignment (budgetuppdrag) it follows from.</param>
/// <param name="SharePointFlag">The overdue flag as SharePoint holds it now ("" when none).</param>
public sealed record PlanItem(
    string Id,
    string Title,
    string? Goal,
    string? ResponsibleBody,
    string OwnerLookupId,
    DateOnly DueDate,
    PlanItemStatus Status,
    string? CaseNumber,
    string? BudgetAssignment,
    string SharePointFlag);
