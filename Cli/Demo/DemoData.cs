using Integration.Core.PlanItems;
using Integration.Core.SharePoint;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph;

namespace Integration.Cli.Demo;

/// <summary>
/// The network's action plan as a demo: the bodies and the budget-2021 assignment from the
/// original decision (Arbetsmarknadsnämnden, ärende AMN 2015-0340-01.02), with due dates set
/// relative to today so some items are always overdue, due soon, done or cancelled. Each item
/// names the assignment it follows from (<see cref="DemoAssignments"/>); one names it in words
/// instead of a diary number, as people do, and is reported. Five goals name an indicator of the
/// social-enterprise register (<see cref="DemoRegister"/>), one of them an indicator there is none
/// of. People and addresses are invented.
/// </summary>
public static class DemoData
{
    public const string ListName = "Handlingsplan";
    public const string CaseNumber = "AMN 2015-0340-01.02";

    public const string Amn = "Arbetsmarknadsnämnden";
    public const string Sbr = "Stockholm Business Region AB";
    public const string Samordningsforbundet = "Samordningsförbundet Stockholms stad";

    /// <summary>The network's coordinator, who gets items overdue past the escalation days.</summary>
    public const string Coordinator = "samordnare@natverket.example";

    /// <summary>The owners with an address: users of the tenant, with the Teams app installed.</summary>
    public static readonly IReadOnlyList<string> People = ["anna.lindqvist@natverket.example", "omar.haddad@natverket.example", "karin.berg@natverket.example"];

    public static SharePointSite Seed(SharePointState state, DateOnly today, TimeZoneInfo timeZone)
    {
        var site = state.AddSite("stockholm.sharepoint.com", "/sites/wise-natverket", "Nätverket för arbetsintegrerande sociala företag");
        site.TimeZone = timeZone;
        var list = PlanItemGenerator.DefineColumns(site.AddList(ListName));

        var anna = site.EnsureUser("Anna Lindqvist", People[0]);
        var omar = site.EnsureUser("Omar Haddad", People[1]);
        var karin = site.EnsureUser("Karin Berg", People[2]);
        var noEmail = site.EnsureUser("Extern konsult", null);

        string Due(int days) => SharePointDates.ToSharePointValue(today.AddDays(days), timeZone);

        Add(list, "Kartlägga stadens inköp från arbetsintegrerande sociala företag", "Andel inköp från sociala företag\nIndikator: enterprises.withActiveAgreement ≥ 25", Amn, anna, Due(-20), "Pågår / In progress", DemoAssignments.ActionPlan);
        Add(list, "Ta fram mätbara mål för upphandling med sociala hänsyn", "Antal upphandlingar med sociala hänsyn", Sbr, omar, Due(-3), "Ej påbörjad / Not started", DemoAssignments.ActionPlan);
        Add(list, "Utbildning i reserverad upphandling för stadens inköpare", "Fler reserverade upphandlingar.\nIndikator: agreements.byType.reservedProcurement ≥ 3", Samordningsforbundet, karin, Due(3), "Pågår / In progress", DemoAssignments.Partnership);
        Add(list, "Dialogmöte med Arbetsförmedlingen om lönestöd i sociala företag", "Indikator: genomförda dialogmöten ≥ 4", Amn, anna, Due(6), "Ej påbörjad / Not started", DemoAssignments.Inventory);
        Add(list, "Inventering av möjligheter till samverkan (PM hösten 2020)", "Inventering klar", Amn, karin, Due(-60), "Klar / Done", DemoAssignments.Inventory);
        Add(list, "Pilot med idéburet offentligt partnerskap (IOP)", "Indikator: agreements.byType.iop ≥ 2", Sbr, omar, Due(-10), "Avbruten / Cancelled", DemoAssignments.Partnership);
        Add(list, "Handlingsplan – remissversion till berörda nämnder och styrelser", $"Handlingsplan beslutad; stadens köp ska växa.\nIndikator: agreements.value.{today.Year} ≥ 5 000 000 kr", Amn, anna, Due(45), "Pågår / In progress", DemoAssignments.ActionPlan);
        Add(list, "Informationsmöte för nya företagare – معلومات للشركات 🌱", "Antal deltagare", Samordningsforbundet, karin, Due(30), "Ej påbörjad / Not started", "Budget 2021");

        // Three rows the network must fix: they go to quarantine and the run goes on.
        Add(list, "Uppföljning av **mål 3** i nätverket", "Mål 3", Sbr, omar, Due(14), "Väntar", DemoAssignments.ActionPlan);
        Add(list, "Workshop om sociala kriterier", "Antal workshops", Amn, anna, null, "Pågår / In progress", DemoAssignments.ActionPlan);
        Add(list, "Extern utvärdering av handlingsplanen", "Utvärdering klar", Amn, noEmail, Due(90), "Ej påbörjad / Not started", DemoAssignments.ActionPlan);
        return site;
    }

    private static void Add(SharePointList list, string title, string goal, string body, int owner, string? due, string status, string assignment)
    {
        list.Add(new Dictionary<string, object?>
        {
            [PlanItemColumns.Title] = title,
            [PlanItemColumns.Goal] = goal,
            [PlanItemColumns.ResponsibleBody] = body,
            [PlanItemColumns.Owner + "LookupId"] = owner.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PlanItemColumns.DueDate] = due,
            [PlanItemColumns.Status] = status,
            [PlanItemColumns.CaseNumber] = CaseNumber,
            [PlanItemColumns.BudgetAssignment] = assignment,
        });
    }
}
