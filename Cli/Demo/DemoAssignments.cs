using System.Globalization;
using Integration.Core.BudgetAssignments;
using Integration.Core.SharePoint;
using Integration.Emulators.CaseSystem;
using Integration.Emulators.Graph;

namespace Integration.Cli.Demo;

/// <summary>
/// The network's budget assignments (budgetuppdrag) as cases in the case-system stand-in: the
/// budget-2021 assignment to draw up the action plan, the autumn-2020 inventory that prepared it
/// (closed), and an assignment on partnerships that has no deadline. Diary numbers other than the
/// network's case are invented; the wording follows the original decision.
/// </summary>
public static class DemoAssignments
{
    public const string ListName = "Budgetuppdrag";

    /// <summary>Budget 2021: draw up the action plan with SBR and Samordningsförbundet. Open, with a deadline.</summary>
    public const string ActionPlan = "AMN 2021-0031-1.1";

    /// <summary>The inventory of ways to work with social enterprises (PM, autumn 2020). Closed.</summary>
    public const string Inventory = "AMN 2020-0457-1.1";

    /// <summary>Partnerships with idea-based organisations (IOP). Open, without a deadline.</summary>
    public const string Partnership = "AMN 2021-0198-1.4";

    private const string CaseType = "UPPDRAG";

    public static void SeedCases(SifStandIn caseSystem, DateOnly today)
    {
        const string partners = DemoData.Sbr + "; " + DemoData.Samordningsforbundet;
        caseSystem.AddCase(ActionPlan, "Handlingsplan för hur arbetsintegrerande sociala företag kan främjas", CaseType, "B",
            Fields("2021", today.AddDays(180), partners + "; Arbetsförmedlingen (dialog)"), responsibleEnterprise: DemoData.Amn);
        caseSystem.AddCase(Inventory, "Inventering av möjligheter till samverkan med sociala företag", CaseType, "A",
            Fields("2021", new DateOnly(2021, 3, 31), null), responsibleEnterprise: DemoData.Amn);
        caseSystem.AddCase(Partnership, "Idéburet offentligt partnerskap med arbetsintegrerande sociala företag", CaseType, "B",
            Fields("2021", null, DemoData.Sbr), responsibleEnterprise: DemoData.Amn);
    }

    /// <summary>The network's list, with the columns the backend writes and the network's own comment column.</summary>
    public static SharePointList DefineList(SharePointSite site) => site.AddList(ListName)
        .DefineColumn(BudgetAssignmentColumns.DiaryNumber, "Diarienummer")
        .DefineColumn(BudgetAssignmentColumns.BudgetYear, "Budgetår", ColumnType.Number)
        .DefineColumn(BudgetAssignmentColumns.ResponsibleBoard, "Ansvarig nämnd")
        .DefineColumn(BudgetAssignmentColumns.Partners, "Samverkansparter", ColumnType.MultilineText)
        .DefineColumn(BudgetAssignmentColumns.Deadline, "Slutdatum", ColumnType.DateOnly)
        .DefineColumn(BudgetAssignmentColumns.Status, "Status")
        .DefineColumn(BudgetAssignmentColumns.LastActivity, "Senaste aktivitet", ColumnType.DateTime)
        .DefineColumn(BudgetAssignmentColumns.CaseLink, "Ärende")
        .DefineColumn(BudgetAssignmentColumns.Comment, "Kommentar", ColumnType.MultilineText)
        .DefineColumn(DataProblemColumn.Name, DataProblemColumn.DisplayName, ColumnType.MultilineText);

    private static Dictionary<string, string?> Fields(string year, DateOnly? deadline, string? partners)
    {
        var fields = new Dictionary<string, string?> { ["Budgetår"] = year };
        if (deadline is { } d) fields["Slutdatum"] = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (partners is not null) fields["Samverkansparter"] = partners;
        return fields;
    }
}
