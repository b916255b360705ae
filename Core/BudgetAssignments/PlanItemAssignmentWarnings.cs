using Integration.Core.PlanItems;
using Integration.Core.Privacy;
using Integration.Core.Sync.Problems;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// Warns on a plan item whose <c>BudgetAssignment</c> names an assignment the case system does not
/// have, or an open item under an assignment that is closed, so the text is on the item the network
/// can fix. The assignments are the table's as the night finds them when the first plan item that
/// names one is read; without any (no case system, or none read yet) nothing is said.
/// </summary>
public sealed class PlanItemAssignmentWarnings(
    PlanItemLinks links, Microsoft.Extensions.Options.IOptions<Configuration.SharePointOptions> sharePoint, Microsoft.Extensions.Options.IOptions<CaseSystem.CaseSystemOptions> caseSystem)
    : IRecordWarnings<PlanItem>
{
    // Without the assignments' source nothing is known of them, and nothing is read.
    private readonly bool _configured = caseSystem.Value.IsConfigured && sharePoint.Value.List(BudgetAssignmentsModule.Source) is not null;

    private Task<Dictionary<string, bool>>? _assignments;

    public string Source => PlanItemsModule.Source;

    public async ValueTask<IReadOnlyList<ItemProblem>> CheckAsync(PlanItem record, CancellationToken ct)
    {
        if (!_configured || string.IsNullOrWhiteSpace(record.BudgetAssignment)) return [];
        var assignments = await (_assignments ??= links.AssignmentsAsync(ct));
        if (assignments.Count == 0) return [];
        var key = BudgetAssignmentKeys.TryParse(record.BudgetAssignment, out var number, out _) ? BudgetAssignmentKeys.Of(number!) : null;
        if (key is null || !assignments.TryGetValue(key, out var closed))
        {
            return [new(
                $"BudgetAssignment {PersonalData.Quote(record.BudgetAssignment)} is not an assignment the case system has.",
                $"Budgetuppdraget {NetworkText.Quote(record.BudgetAssignment)} finns inte bland stadens budgetuppdrag. Kontrollera diarienumret i kolumnen Budgetuppdrag.")];
        }

        return closed && record.Status is PlanItemStatus.NotStarted or PlanItemStatus.InProgress
            ? [new(
                $"BudgetAssignment {number} is closed while the item is open.",
                $"Budgetuppdraget {number} är avslutat, men aktiviteten är öppen. Avsluta aktiviteten, eller flytta den till ett pågående uppdrag.")]
            : [];
    }
}
