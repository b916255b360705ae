using System.Globalization;
using Integration.Core.SharePoint;
using Integration.Emulators.Graph;

namespace Integration.Functions.Tests.Harness;

/// <summary>Adds plan items to the stand-in's list the way SharePoint stores them.</summary>
public static class PlanItemSeed
{
    public const string InProgress = "Pågår / In progress";
    public const string NotStarted = "Ej påbörjad / Not started";
    public const string Done = "Klar / Done";
    public const string Cancelled = "Avbruten / Cancelled";

    public static Dictionary<string, object?> Fields(
        string title, int owner, DateOnly? due, string status = InProgress,
        string body = "Arbetsmarknadsnämnden", string goal = "Andel inköp från sociala företag")
    {
        return new Dictionary<string, object?>
        {
            ["Title"] = title,
            ["Goal"] = goal,
            ["ResponsibleBody"] = body,
            ["OwnerLookupId"] = owner.ToString(CultureInfo.InvariantCulture),
            ["DueDate"] = due is { } d ? SharePointDates.ToSharePointValue(d, IntegrationHarness.Stockholm) : null,
            ["Status"] = status,
            ["CaseNumber"] = "AMN 2015-0340-01.02",
            ["BudgetAssignment"] = "Budget 2021",
        };
    }

    public static int AddPlanItem(this SharePointList list, string title, int owner, DateOnly? due, string status = InProgress) =>
        list.Add(Fields(title, owner, due, status));
}
