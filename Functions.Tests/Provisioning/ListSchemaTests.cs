using Integration.Core.Agreements;
using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.Hosting;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Functions.Tests.Provisioning;

/// <summary>What provisioning covers is what the modules registered, each schema described from the configuration.</summary>
public class ListSchemaTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["SharePoint:SiteId"] = "stockholm.sharepoint.com,00000000-0000-0000-0000-000000000001,00000000-0000-0000-0000-000000000002",
        ["SharePoint:Lists:PlanItems"] = "Handlingsplan",
        ["SharePoint:Lists:Agreements"] = "Avtal",
    }).Build();

    [Fact]
    public void EveryFeatureOfTheCompositionRootHasItsListSchemaInTheNightsOrder()
    {
        using var provider = new ServiceCollection().AddLogging().AddIntegration(Configuration).AddSharePointProvisioning().BuildServiceProvider();

        var schemas = provider.GetRequiredService<ListSchemas>().All;

        Assert.Equal(["PlanItems", "MeetingNotes", "BudgetAssignments", "Enterprises", "Agreements", "Reports"], schemas.Select(s => s.Source));
        Assert.Equal([true, false, false, false, true, false], schemas.Select(s => s.Reference is not null));
        Assert.Equal([false, true, false, false, false, true], schemas.Select(s => s.IsLibrary));
    }

    [Fact]
    public void AFeatureLeftOutOfTheCompositionRootIsLeftOutOfProvisioning()
    {
        using var provider = new ServiceCollection().AddLogging()
            .AddIntegrationPlatform(Configuration).AddPlanItems(Configuration).AddEnterprises(Configuration)
            .AddSharePointProvisioning().BuildServiceProvider();

        var schemas = provider.GetRequiredService<ListSchemas>().All;

        Assert.Equal(["PlanItems", "Enterprises", "Reports"], schemas.Select(s => s.Source));
    }

    [Fact]
    public void TheDataProblemColumnFollowsItsSettingAndAnEmptySettingLeavesItOut()
    {
        var sharePoint = new SharePointOptions
        {
            Fields = new(StringComparer.OrdinalIgnoreCase)
            {
                ["PlanItems"] = new() { ["DataProblem"] = "Datafel" },
                ["Agreements"] = new() { ["DataProblem"] = "" },
            },
        };

        var plan = PlanItemListSchema.Describe(sharePoint, new PlanItemStatusOptions());
        var agreements = AgreementListSchema.Describe(sharePoint, new AgreementTypeOptions());
        var enterprises = EnterpriseListSchema.Describe(sharePoint);

        var problem = Assert.Single(plan.Columns, c => c.Column == "DataProblem");
        Assert.Equal(("Datafel", "SharePoint__Fields__PlanItems__DataProblem", ColumnKind.Note, true), (problem.InternalName, problem.Setting, problem.Kind, problem.Written));
        Assert.DoesNotContain(agreements.Columns, c => c.Column == "DataProblem");
        Assert.Equal("DataProblem", Assert.Single(enterprises.Columns, c => c.Column == "DataProblem").InternalName);
    }
}
