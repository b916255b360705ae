using System.Diagnostics;
using System.Text.Json;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Provisioning;

/// <summary>
/// <c>provision</c> as an operator runs it: the CLI as a process, configured through environment
/// variables, against the plan list the bench generator makes (no data-problem column, a Status
/// choice without values): JSON on the last line of stdout, progress on stderr, exit 3 while a
/// difference is left that provision does not fix.
/// </summary>
public class ProvisionProcessTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    [Fact]
    public async Task CheckThenProvisionReportOnStdoutAndProgressOnStderr()
    {
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["SharePoint__GraphBaseUrl"] = Harness.Graph.BaseUrl.ToString(),
            ["SharePoint__Auth"] = "None",
            ["SharePoint__SiteId"] = Harness.Site.Id,
            ["SharePoint__Lists__PlanItems"] = "Handlingsplan",
            // A Swedish site's internal name for the data-problem column, which the list lacks.
            ["SharePoint__Fields__PlanItems__DataProblem"] = "Att_x0020_r_x00e4_tta",
            // A status spelling the list's Status choice does not offer.
            ["SharePoint__PlanItemStatuses__Done"] = "Klar;Avslutad",
        };

        var check = await CliProcess.RunAsync("provision --check --json", environment);
        var provision = await CliProcess.RunAsync("provision --json", environment);
        var text = await CliProcess.RunAsync("provision --check", environment);

        Assert.True(check.ExitCode == 3, check.Stderr);
        using var checkJson = JsonDocument.Parse(check.Stdout.TrimEnd().Split('\n')[^1]);
        var differences = checkJson.RootElement.GetProperty("differences").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.Contains(differences, d => d.StartsWith("PlanItems: column 'Att_x0020_r_x00e4_tta' (SharePoint__Fields__PlanItems__DataProblem", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("PlanItems: column 'Status'", StringComparison.Ordinal) && d.Contains("'Klar'", StringComparison.Ordinal));
        Assert.Contains("PlanItems: list 'Handlingsplan' there", check.Stderr, StringComparison.Ordinal);

        // The missing column is created; the choice column is reported and left as it is.
        Assert.True(provision.ExitCode == 3, provision.Stderr);
        using var provisionJson = JsonDocument.Parse(provision.Stdout.TrimEnd().Split('\n')[^1]);
        Assert.Equal(1, provisionJson.RootElement.GetProperty("created").GetProperty("columns").GetInt32());
        var left = Assert.Single(provisionJson.RootElement.GetProperty("differences").EnumerateArray());
        Assert.StartsWith("PlanItems: column 'Status'", left.GetString(), StringComparison.Ordinal);
        Assert.Equal(ColumnType.MultilineText, Harness.List.Columns.Single(c => c.Name == "Att_x0020_r_x00e4_tta").Type);
        Assert.DoesNotContain("Klar", Harness.List.Columns.Single(c => c.Name == "Status").Choices);

        Assert.Equal(3, text.ExitCode);
        Assert.Contains("Differences (nothing was changed):", text.Stdout, StringComparison.Ordinal);
    }

}
