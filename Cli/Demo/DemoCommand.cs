using Integration.Cli.RunOnce;
using Integration.Core.Agreements;
using Integration.Core.BudgetAssignments;
using Integration.Core.Enterprises;
using Integration.Core.Indicators;
using Integration.Core.MeetingNotes;
using Integration.Core.Notifications;
using Integration.Core.PlanItems;
using Integration.Core.Privacy;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Integration.Emulators.Azurite;
using Integration.Emulators.CaseSystem;
using Integration.Emulators.Graph;
using Integration.Emulators.Registry;
using Integration.Emulators.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Cli.Demo;

/// <summary>
/// The whole nightly job on the embedded default: Azurite plus the Graph stand-in seeded with
/// the network's action plan, meeting notes and budget-assignment list, the case-system stand-in
/// with the network's case and assignments, one cycle, the overdue list, the notes and the
/// assignments as people would read them, the Teams channel digest and the personal
/// notifications each person got (through the Workflows and activity-feed stand-ins), and a
/// second cycle to show that nothing changes, and nothing is sent, when nothing changed; then
/// twelve weeks of indicator history and this week's status report (lägesrapport) as a PDF.
/// Everything started is stopped again.
/// </summary>
internal static class DemoCommand
{
    private const string TimeZoneId = "Europe/Stockholm";
    private const string DemoRegistryClient = "natverket-demo";

    /// <param name="reportFolder">Where the week's status report is written; the working folder when null.</param>
    public static async Task<int> RunAsync(bool verbose, TextWriter output, Action<string> progress, CancellationToken ct, string? reportFolder = null)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, timeZone).DateTime);

        progress("Starting Azurite (in memory, loopback)…");
        await using var azurite = await AzuriteServer.StartAsync(progress, ct);
        progress("Starting the Graph stand-in with the network's demo action plan and meeting notes…");
        await using var graph = await GraphStandIn.StartAsync(ct: ct);
        var site = DemoData.Seed(graph.State, today, timeZone);
        DemoNotes.Seed(site, today, timeZone);
        var assignmentList = DemoAssignments.DefineList(site);
        var (enterpriseList, agreementList) = DemoRegister.Seed(site, today, timeZone);
        progress("Starting the company-register stand-in (Bolagsverket) with the network's social enterprises…");
        var registrySecret = Guid.NewGuid().ToString("N");
        await using var registry = await BolagsverketStandIn.StartAsync(DemoRegistryClient, registrySecret, ct: ct);
        DemoRegister.SeedRegistry(registry, today);
        progress($"Starting the case-system stand-in (Public 360 SIF) with the network's case {DemoNotes.NetworkCase}…");
        var apiKey = Guid.NewGuid().ToString("N");
        await using var caseSystem = await SifStandIn.StartAsync(apiKey, ct: ct);
        caseSystem.AddCase(DemoNotes.NetworkCase, "Nätverket för arbetsintegrerande sociala företag", "ALLM", "B");
        DemoAssignments.SeedCases(caseSystem, today);
        progress("Starting the Teams Workflows webhook stand-in; the Graph stand-in's activity feed knows the network's people…");
        await using var webhook = await TeamsWebhookStandIn.StartAsync(ct: ct);
        foreach (var person in DemoData.People) graph.ActivityFeed.AddUser(person);
        graph.ActivityFeed.AddUser(DemoData.Coordinator);

        var standIns = new StandIns(azurite, graph, site, caseSystem, apiKey, webhook, registry, registrySecret);
        var configuration = Configuration(standIns);

        progress("Running one nightly cycle…");
        var first = await new RunOnceRunner(configuration, verbose, progress).RunAsync(ct);
        output.WriteLine();
        SummaryPrinter.WriteTable(first, output);
        var planList = site.Lists.Single(l => l.DisplayName == DemoData.ListName);
        await WriteFirstNightAsync(configuration, standIns, assignmentList, enterpriseList, agreementList, planList, today, timeZone, output, ct);
        DemoProblemsReport.Write([planList, enterpriseList, agreementList], output);
        var fixedItems = FixTwoItems(planList, agreementList, today, timeZone, output);

        progress("Running the cycle again: two items fixed in SharePoint, nothing else changed…");
        var listPath = $"/lists/{assignmentList.Id}/items";
        var before = Counts.Read(standIns, listPath);
        var second = await new RunOnceRunner(configuration, verbose, progress).RunAsync(ct);
        WriteSecondRun(second, before, standIns, listPath, output);
        WriteProblemsCleared(second, fixedItems, [planList, enterpriseList, agreementList], output);
        await WriteStatusAsync(configuration, output, ct);
        await WriteProvisionCheckAsync(configuration, output, ct);
        progress("Seeding twelve weeks of indicator history and writing this week's status report…");
        await using (var provider = Services(configuration))
        {
            await DemoReport.WriteAsync(provider, reportFolder ?? Directory.GetCurrentDirectory(), output, ct);
        }

        progress("Stopping the stand-in and Azurite.");
        return first.Succeeded && second.Succeeded ? 0 : 1;
    }

    /// <summary>What the first night left, as each part of the network and the city sees it.</summary>
    private static async Task WriteFirstNightAsync(
        IConfiguration configuration, StandIns standIns, SharePointList assignmentList, SharePointList enterpriseList, SharePointList agreementList,
        SharePointList planList, DateOnly today, TimeZoneInfo timeZone, TextWriter output, CancellationToken ct)
    {
        await using var provider = Services(configuration);
        await WriteOverdueReportAsync(provider, today, output, ct);
        DemoDigestReport.Write(standIns.Webhook, standIns.Graph.ActivityFeed, output);
        await DemoNotesReport.WriteAsync(provider, output, ct);
        await DemoAssignmentsReport.WriteAsync(provider, assignmentList, timeZone, output, ct);
        await DemoRegisterReport.WriteAsync(provider, enterpriseList, agreementList, planList, today, output, ct);
    }

    private static IConfiguration Configuration(StandIns standIns) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = standIns.Azurite.ConnectionString,
        ["SharePoint:GraphBaseUrl"] = standIns.Graph.BaseUrl.ToString(),
        ["SharePoint:Auth"] = "None",
        ["SharePoint:SiteId"] = standIns.Site.Id,
        ["SharePoint:Lists:PlanItems"] = DemoData.ListName,
        ["SharePoint:Libraries:MeetingNotes"] = DemoNotes.LibraryName,
        ["SharePoint:Lists:BudgetAssignments"] = DemoAssignments.ListName,
        ["CaseSystem:BaseUrl"] = standIns.CaseSystem.BaseUrl.ToString(),
        ["CaseSystem:ApiKey"] = standIns.ApiKey,
        ["CaseSystem:NetworkCaseNumber"] = DemoNotes.NetworkCase,
        ["Overdue:TimeZone"] = TimeZoneId,
        ["Overdue:DueSoonDays"] = "7",
        ["Teams:WorkflowWebhookUrl"] = standIns.Webhook.WebhookUrl.ToString(),
        ["Teams:ActivityFeed:Enabled"] = "true",
        ["Teams:CoordinatorEmail"] = DemoData.Coordinator,
        ["SharePoint:Lists:Enterprises"] = DemoRegister.EnterpriseListName,
        ["SharePoint:Lists:Agreements"] = DemoRegister.AgreementListName,
        ["Enterprises:AllowPersonalIdentityNumbers"] = "false",
        ["Registry:BaseUrl"] = standIns.Registry.BaseUrl.ToString(),
        ["Registry:TokenUrl"] = standIns.Registry.TokenUrl.ToString(),
        ["Registry:ClientId"] = DemoRegistryClient,
        ["Registry:ClientSecret"] = standIns.RegistrySecret,
        // The stand-in has no limit of its own here; Bolagsverket's 60 a minute would make the demo wait 16 s.
        ["Registry:RequestsPerMinute"] = "600",
    }).Build();

    /// <summary>
    /// What the coordinator does after reading the column: the activity without a due date gets one,
    /// the agreement that ended before it started gets its end date cleared (it runs until further notice).
    /// </summary>
    private static List<(SharePointList List, int Id)> FixTwoItems(SharePointList planList, SharePointList agreementList, DateOnly today, TimeZoneInfo timeZone, TextWriter output)
    {
        var workshop = DemoProblemsReport.Told(planList).First(i => i.Text.StartsWith("Slutdatum saknas", StringComparison.Ordinal)).Id;
        planList.Update(workshop, new Dictionary<string, object?> { [PlanItemColumns.DueDate] = SharePointDates.ToSharePointValue(today.AddDays(60), timeZone) });
        var agreement = DemoProblemsReport.Told(agreementList).First(i => i.Text.StartsWith("Slutdatumet", StringComparison.Ordinal)).Id;
        agreementList.Update(agreement, new Dictionary<string, object?> { [AgreementColumns.EndDate] = null });
        output.WriteLine();
        output.WriteLine($"Between the nights the coordinator fixes two items in SharePoint: {planList.DisplayName} item {workshop} gets a due date, {agreementList.DisplayName} item {agreement} loses its end date before the start.");
        return [(planList, workshop), (agreementList, agreement)];
    }

    private static void WriteProblemsCleared(RunSummary second, List<(SharePointList List, int Id)> fixedItems, SharePointList[] lists, TextWriter output)
    {
        var cleared = fixedItems.Where(f => f.List.GetFields(f.Id)?.GetValueOrDefault(DataProblemColumn.Name) is null).ToList();
        output.WriteLine($"Data problems the second night: cleared {second.Sources.Sum(s => s.ProblemsCleared)} ({string.Join(", ", cleared.Select(c => $"{c.List.DisplayName} item {c.Id}"))}), " +
            $"written {second.Sources.Sum(s => s.ProblemsWritten)}; still open in SharePoint {lists.Sum(l => DemoProblemsReport.Told(l).Count())}. " +
            "The first night's own writes came back through delta and changed nothing.");
    }

    private static void WriteSecondRun(RunSummary second, Counts before, StandIns standIns, string listPath, TextWriter output)
    {
        var plan = second.Sources.Single(s => s.Source == PlanItemsModule.Source);
        output.WriteLine();
        output.WriteLine($"Second run {second.RunId}: plan items read {plan.Read} (our own flag and problem writes coming back, and the fixed item), created {plan.Created}, updated {plan.Updated}, " +
            $"flag writes {second.Step(OverdueScanStep.Step).Count("flagWrites")}, notifications {second.Step(OverdueScanStep.Step).Count("notifications")}.");
        var notes = second.Sources.Single(s => s.Source == MeetingNotesModule.Source);
        output.WriteLine($"Meeting notes: read {notes.Read} (the document numbers and the problem text the first night wrote on the files, coming back), archived {notes.Created + notes.Updated}, registered {second.Step(CaseRegistrationSummary.Step).Count("registered")}; " +
            $"{standIns.CaseSystem.Documents.Count} document(s) on {DemoNotes.NetworkCase}, as after the first run.");
        output.WriteLine($"Teams: channel posts {second.Step(NotificationDigestHandler.Step).Count("channelPosts")}, personal notifications {second.Step(NotificationDigestHandler.Step).Count("personal")}; " +
            $"{standIns.Webhook.Posts.Count - before.Posts} post(s) to the webhook and {standIns.Graph.ActivityFeed.Received.Count - before.Personal} to the activity feed this night " +
            $"(the first night: {before.Posts} and {before.Personal}).");
        var assignments = second.Sources.Single(s => s.Source == BudgetAssignmentsModule.Source);
        output.WriteLine($"Budget assignments: read {assignments.Read} (the cases changed since the last night, with a 5-minute overlap), created {assignments.Created}, updated {assignments.Updated}, " +
            $"published {assignments.Extra.GetValueOrDefault("published")}; {standIns.Graph.Requests.Count("POST", listPath) - before.ListPosts} POST and " +
            $"{standIns.Graph.Requests.Count("PATCH", listPath) - before.ListPatches} PATCH to the list '{DemoAssignments.ListName}' (the first run: {before.ListPosts} POST).");
        var enterprises = second.Sources.Single(s => s.Source == EnterprisesModule.Source);
        var agreements = second.Sources.Single(s => s.Source == AgreementsModule.Source);
        output.WriteLine($"Register: enterprises read {enterprises.Read} (the problem texts the first night wrote, coming back), created {enterprises.Created}, updated {enterprises.Updated}; agreements read {agreements.Read}, created {agreements.Created}, updated {agreements.Updated}; " +
            $"registry lookups {standIns.Registry.Requests.Lookups - before.Lookups} (answers still fresh: {enterprises.Count("registryCached")}), " +
            $"register warnings {enterprises.Count("registerWarnings") + agreements.Count("registerWarnings")}; " +
            $"indicators written {second.Step(IndicatorsStep.Step).Count("indicators")} (unchanged {second.Step(IndicatorsStep.Step).Count("unchanged")}), goal values written {second.Step(IndicatorsStep.Step).Count("goalValuesWritten")}.");
    }

    private static async Task WriteStatusAsync(IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        await using (var provider = Services(configuration))
        {
            output.WriteLine();
            output.WriteLine("status --nights 2 (what the on-call engineer sees; exit 3 would mean something needs attention):");
            Status.StatusCommand.WriteTable(await provider.GetRequiredService<Core.Operations.OperationsStatus>().ReadAsync(2, ct), output);
        }
    }

    /// <summary>What <c>provision --check</c> finds on the demo's site after its nights: the lists as the settings describe them.</summary>
    private static async Task WriteProvisionCheckAsync(IConfiguration configuration, TextWriter output, CancellationToken ct)
    {
        using var report = new StringWriter();
        var exit = await Provision.ProvisionCommand.RunAsync(configuration, check: true, json: false, report, TextWriter.Null, ct);
        output.WriteLine();
        output.WriteLine(exit == 0
            ? "provision --check: exit 0, every list, library and column as the settings describe them."
            : $"provision --check: exit {exit}:");
        if (exit != 0) output.Write(report.ToString());
    }

    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection().AddLogging();
        Core.Hosting.IntegrationServiceCollectionExtensions.AddIntegration(services, configuration);
        return services.BuildServiceProvider();
    }

    private static async Task WriteOverdueReportAsync(IServiceProvider provider, DateOnly today, TextWriter output, CancellationToken ct)
    {
        var flagged = new List<PlanItemEntity>();
        await foreach (var item in provider.GetRequiredService<PlanItemStore>().FlaggedAsync(ct)) flagged.Add(item);

        output.WriteLine();
        output.WriteLine($"Action-plan items needing attention (today {today:yyyy-MM-dd}, {TimeZoneId}):");
        foreach (var item in flagged.OrderBy(i => i.Due))
        {
            var days = today.DayNumber - item.Due.DayNumber;
            var when = item.Flag == nameof(OverdueState.Overdue)
                ? $"OVERDUE by {days} day{(days == 1 ? "" : "s")}"
                : days == 0 ? "due today" : $"due in {-days} day{(days == -1 ? "" : "s")}";
            output.WriteLine($"  {when,-20} {item.Title}");
            output.WriteLine($"  {"",-20} {item.ResponsibleBody}; owner site user {item.OwnerLookupId}; due {item.DueDate}; {item.CaseNumber}");
        }

        output.WriteLine();
        output.WriteLine("Quarantined (fix these in SharePoint; the rest of the run went on):");
        var quarantined = new List<(string Id, string Reason)>();
        await foreach (var row in provider.GetRequiredService<QuarantineStore>().ListAsync(PlanItemsModule.Source, ct))
        {
            quarantined.Add((row.GetString("ItemId"), row.GetString("Reason")));
        }

        foreach (var (id, reason) in quarantined.OrderBy(q => q.Id.Length).ThenBy(q => q.Id, StringComparer.Ordinal))
        {
            output.WriteLine($"  item {id}: {reason}");
        }
    }

    /// <summary>What the demo started, and the secrets it started them with; the configuration points at them.</summary>
    private sealed record StandIns(
        AzuriteServer Azurite,
        GraphStandIn Graph,
        SharePointSite Site,
        SifStandIn CaseSystem,
        string ApiKey,
        TeamsWebhookStandIn Webhook,
        BolagsverketStandIn Registry,
        string RegistrySecret);

    /// <summary>The stand-ins' request counts before the second night, so it shows what that night alone sent.</summary>
    private readonly record struct Counts(int ListPosts, int ListPatches, int Posts, int Personal, int Lookups)
    {
        public static Counts Read(StandIns standIns, string listPath) => new(
            standIns.Graph.Requests.Count("POST", listPath),
            standIns.Graph.Requests.Count("PATCH", listPath),
            standIns.Webhook.Posts.Count,
            standIns.Graph.ActivityFeed.Received.Count,
            standIns.Registry.Requests.Lookups);
    }
}
