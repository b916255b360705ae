using Integration.Emulators.Graph;
using static Integration.Functions.Tests.Provisioning.ProvisionSite;

namespace Integration.Functions.Tests.Provisioning;

/// <summary>
/// The network's lists made by hand, as the demo makes them (the plan list's columns as the
/// generator defines them, Swedish display names, a choice where the backend reads text, multi-line
/// partners, the case link as text), with the choices a list owner would give and the columns the
/// night writes.
/// </summary>
internal static class DemoLikeLists
{
    public static readonly string[] Statuses = ["Ej påbörjad / Not started", "Pågår / In progress", "Klar / Done", "Avbruten / Cancelled"];

    /// <param name="leaveOut">A plan-list column the hand-made list lacks, as if someone removed it.</param>
    /// <param name="dueDateType">The type the plan list's due-date column was made with.</param>
    public static void Build(SharePointSite site, string? leaveOut = null, ColumnType dueDateType = ColumnType.DateOnly)
    {
        ListColumn[] planColumns =
        [
            new("Goal", "Mål", ColumnType.MultilineText),
            new("ResponsibleBody", "Ansvarig nämnd", ColumnType.Choice) { Choices = ["Arbetsmarknadsnämnden", "Socialnämnden"] },
            new("Owner", "Ansvarig", ColumnType.PersonOrGroup),
            new("DueDate", "Slutdatum", dueDateType),
            new("Status", "Status", ColumnType.Choice) { Choices = Statuses },
            new("CaseNumber", "Diarienummer", ColumnType.Text),
            new("BudgetAssignment", "Budgetuppdrag", ColumnType.Text),
            new("OverdueFlag", "Försenad", ColumnType.Text),
            new("IndicatorValue", "Indikatorvärde", ColumnType.Text),
            new("DataProblem", "Att rätta", ColumnType.MultilineText),
        ];
        var plan = site.AddList(PlanList).DefineColumn("Title", "Aktivitet");
        foreach (var column in planColumns.Where(c => c.Name != leaveOut)) plan.DefineColumn(column);

        site.AddList(AssignmentList)
            .DefineColumn("DiaryNumber", "Diarienummer")
            .DefineColumn("BudgetYear", "Budgetår", ColumnType.Number)
            .DefineColumn("ResponsibleBoard", "Ansvarig nämnd")
            .DefineColumn("Partners", "Samverkansparter", ColumnType.MultilineText)
            .DefineColumn("Deadline", "Slutdatum", ColumnType.DateOnly)
            .DefineColumn("Status", "Status")
            .DefineColumn("LastActivity", "Senaste aktivitet", ColumnType.DateTime)
            .DefineColumn("CaseLink", "Ärende")
            .DefineColumn("Comment", "Kommentar", ColumnType.MultilineText)
            .DefineColumn("DataProblem", "Att rätta", ColumnType.MultilineText);

        var enterprises = site.AddList(EnterpriseList)
            .DefineColumn("Title", "Namn")
            .DefineColumn("OrganisationNumber", "Organisationsnummer")
            .DefineColumn("LegalForm", "Juridisk form")
            .DefineColumn("WiseCriteriaMet", "Uppfyller Tillväxtverkets kriterier", ColumnType.Boolean)
            .DefineColumn("Sector", "SNI-kod")
            .DefineColumn("Contact", "Kontakt")
            .DefineColumn("DataProblem", "Att rätta", ColumnType.MultilineText);

        site.AddList(AgreementList)
            .DefineColumn(new ListColumn("Enterprise", "Företag", ColumnType.Lookup) { LookupListId = enterprises.Id })
            .DefineColumn(new ListColumn("AgreementType", "Avtalsform", ColumnType.Choice) { Choices = ["IOP", "Reserverad upphandling", "Direktupphandling", "Övrigt"] })
            .DefineColumn("BuyingBoard", "Köpande nämnd")
            .DefineColumn("YearlyValue", "Årsvärde (kr)", ColumnType.Number)
            .DefineColumn("StartDate", "Startdatum", ColumnType.DateOnly)
            .DefineColumn("EndDate", "Slutdatum", ColumnType.DateOnly)
            .DefineColumn("DataProblem", "Att rätta", ColumnType.MultilineText);

        site.AddDocumentLibrary(NotesLibrary);
        site.GetList(NotesLibrary)
            .DefineColumn("MeetingDate", "Mötesdatum", ColumnType.DateOnly)
            .DefineColumn("NetworkGroup", "Grupp")
            .DefineColumn("CaseDocumentNumber", "Dokumentnummer i diariet")
            .DefineColumn("DataProblem", "Att rätta", ColumnType.MultilineText);
        site.AddDocumentLibrary(ReportsLibrary);
    }
}
