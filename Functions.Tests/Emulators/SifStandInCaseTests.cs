using System.Net;
using System.Text.Json;
using Integration.Emulators.CaseSystem;

namespace Integration.Functions.Tests.Emulators;

public class SifStandInCaseTests : SifStandInTest
{
    [Fact]
    public async Task A_created_case_comes_back_by_number_with_its_custom_fields()
    {
        var number = await CreateCaseAsync("Främja arbetsintegrerande sociala företag", new
        {
            CaseType = "UPPDRAG",
            ExternalId = new { Id = "plan-17", Type = "Handlingsplan" },
            ArchiveCodes = new[] { new { ArchiveCode = "1.4", ArchiveType = "recno:60001", Sort = 1 } },
            AdditionalFields = Fields(("Budgetår", "2025"), ("Slutdatum", "2025-12-31")),
        });

        var answer = await CallAsync("CaseService", "GetCases", new { CaseNumber = number, IncludeCustomFields = true });

        answer.AssertSuccessful();
        Assert.Equal("AMN 2025-0001-1.4", number);
        var found = Assert.Single(answer.Body.GetProperty("Cases").EnumerateArray());
        Assert.Equal(number, found.GetProperty("CaseNumber").GetString());
        Assert.Equal("Främja arbetsintegrerande sociala företag", found.GetProperty("Title").GetString());
        Assert.Equal("UPPDRAG", found.GetProperty("CaseTypeCode").GetString());
        Assert.Equal("Under behandling", found.GetProperty("Status").GetString());
        Assert.Equal("plan-17", found.GetProperty("ExternalId").GetProperty("Id").GetString());
        Assert.Equal(
            [("ToCaseStatus", "5"), ("Budgetår", "2025"), ("Slutdatum", "2025-12-31")],
            found.GetProperty("CustomFields").EnumerateArray().Select(f => (f.GetProperty("Name").GetString()!, f.GetProperty("Value").GetString()!)));
        Assert.Equal(1, answer.Body.GetProperty("TotalCount").GetInt32());
        Assert.Equal(1, answer.Body.GetProperty("TotalPageCount").GetInt32());
    }

    [Fact]
    public async Task Custom_fields_come_back_only_when_asked_for()
    {
        StandIn.AddCase("AMN 2021-0112-1.4", "Uppdrag", customFields: new Dictionary<string, string?> { ["Budgetår"] = "2021" });

        var answer = await CallAsync("CaseService", "GetCases", new { CaseNumber = "AMN 2021-0112-1.4" });

        Assert.Equal(JsonValueKind.Null, Assert.Single(answer.Body.GetProperty("Cases").EnumerateArray()).GetProperty("CustomFields").ValueKind);
    }

    [Fact]
    public async Task Cases_are_found_by_title_with_wildcards_external_id_and_case_type()
    {
        StandIn.AddCase("AMN 2021-0112-1.4", "Budgetuppdrag: sociala företag", caseType: "UPPDRAG", externalId: new SifExternalId("b-1", "Budget"));
        StandIn.AddCase("AMN 2021-0113-1.4", "Budgetuppdrag: upphandling", caseType: "UPPDRAG");
        StandIn.AddCase("AMN 2021-0114", "Allmän korrespondens", caseType: "ALLM");

        Assert.Equal(["AMN 2021-0112-1.4", "AMN 2021-0113-1.4"], await NumbersAsync(new { Title = "budgetuppdrag%" }));
        Assert.Equal(["AMN 2021-0113-1.4"], await NumbersAsync(new { Title = "%upphandling" }));
        Assert.Empty(await NumbersAsync(new { Title = "upphandling" }));
        Assert.Equal(["AMN 2021-0112-1.4"], await NumbersAsync(new { ExternalId = new { Id = "b-1", Type = "Budget" } }));
        Assert.Empty(await NumbersAsync(new { ExternalId = new { Id = "b-1", Type = "Annat" } }));
        Assert.Equal(["AMN 2021-0114"], await NumbersAsync(new { CaseType = "ALLM" }));
        Assert.Equal(["AMN 2021-0112-1.4", "AMN 2021-0113-1.4"], await NumbersAsync(new { CaseType = "recno:60101" }));
    }

    [Fact]
    public async Task Status_is_filtered_through_additional_fields_as_SIF_has_no_status_filter()
    {
        StandIn.AddCase("AMN 2021-0112-1.4", "Pågår", status: "B");
        StandIn.AddCase("AMN 2021-0113-1.4", "Klart", status: "Avslutat", customFields: new Dictionary<string, string?> { ["Budgetår"] = "2021" });

        Assert.Equal(["AMN 2021-0113-1.4"], await NumbersAsync(new { AdditionalFields = Fields(("ToCaseStatus", "6")) }));
        Assert.Equal(["AMN 2021-0113-1.4"], await NumbersAsync(new { AdditionalFields = Fields(("Budgetår", "2021"), ("ToCaseStatus", "6")) }));
        Assert.Empty(await NumbersAsync(new { AdditionalFields = Fields(("Budgetår", "2021"), ("ToCaseStatus", "5")) }));
    }

    [Fact]
    public async Task Last_date_finds_the_cases_changed_since()
    {
        StandIn.AddCase("AMN 2021-0112-1.4", "Gammalt", lastChanged: Start.AddDays(-30));
        StandIn.AddCase("AMN 2021-0113-1.4", "Nyligen", lastChanged: Start.AddDays(-1));
        StandIn.AddCase("AMN 2021-0114-1.4", "Ändras", lastChanged: Start.AddDays(-30));
        StandIn.UpdateCase("AMN 2021-0114-1.4", status: "A", lastChanged: Start.AddHours(-1));

        Assert.Equal(["AMN 2021-0113-1.4", "AMN 2021-0114-1.4"], await NumbersAsync(new { LastDate = Start.AddDays(-2) }));
        // A change at the very instant asked for counts as changed since.
        Assert.Equal(["AMN 2021-0113-1.4", "AMN 2021-0114-1.4"], await NumbersAsync(new { LastDate = Start.AddDays(-1) }));
        Assert.Equal(["AMN 2021-0114-1.4"], await NumbersAsync(new { LastDate = Start.AddHours(-2) }));
        Assert.Empty(await NumbersAsync(new { LastDate = Start }));
    }

    [Fact]
    public async Task Pages_follow_max_returned_cases_and_count_from_zero()
    {
        for (var i = 1; i <= 7; i++)
        {
            StandIn.AddCase($"AMN 2021-{i:D4}", $"Ärende {i}");
        }

        var pages = new List<string>();
        for (var page = 0; page < 3; page++)
        {
            var answer = await CallAsync("CaseService", "GetCases", new { MaxReturnedCases = 3, Page = page });
            answer.AssertSuccessful();
            Assert.Equal(7, answer.Body.GetProperty("TotalCount").GetInt32());
            Assert.Equal(3, answer.Body.GetProperty("TotalPageCount").GetInt32());
            pages.Add(string.Join(",", answer.Body.GetProperty("Cases").EnumerateArray().Select(c => c.GetProperty("Title").GetString()![^1..])));
        }

        Assert.Equal(["1,2,3", "4,5,6", "7"], pages);
        var descending = await CallAsync("CaseService", "GetCases", new { MaxReturnedCases = 2, SortCriterion = "RecnoDescending" });
        Assert.Equal(["Ärende 7", "Ärende 6"], descending.Body.GetProperty("Cases").EnumerateArray().Select(c => c.GetProperty("Title").GetString()));
        var beyond = await CallAsync("CaseService", "GetCases", new { MaxReturnedCases = 3, Page = 5 });
        Assert.Empty(beyond.Body.GetProperty("Cases").EnumerateArray());
    }

    [Fact]
    public async Task A_case_names_its_responsible_board_and_link_and_the_log_keeps_what_was_asked()
    {
        StandIn.AddCase("AMN 2021-0112-1.4", "Handlingsplan för sociala företag", caseType: "UPPDRAG", responsibleEnterprise: "Arbetsmarknadsnämnden");
        StandIn.AddCase("AMN 2021-0113", "Utan ansvarig", caseType: "UPPDRAG");

        var answer = await CallAsync("CaseService", "GetCases", new { CaseType = "UPPDRAG", LastDate = "2020-01-01T00:00:00Z" });

        answer.AssertSuccessful();
        var cases = answer.Body.GetProperty("Cases").EnumerateArray().ToList();
        Assert.Equal("Arbetsmarknadsnämnden", cases[0].GetProperty("ResponsibleEnterpriseName").GetString());
        Assert.Equal("Arbetsmarknadsnämnden", cases[0].GetProperty("ResponsibleEnterprise").GetProperty("Name").GetString());
        Assert.Equal(JsonValueKind.Null, cases[1].GetProperty("ResponsibleEnterpriseName").ValueKind);
        Assert.Equal(JsonValueKind.Null, cases[1].GetProperty("ResponsibleEnterprise").ValueKind);
        Assert.StartsWith(StandIn.BaseUrl.ToString().TrimEnd('/') + "/locator.aspx?name=DMS.Case.Details.Simplified&recno=", cases[0].GetProperty("URL").GetString(), StringComparison.Ordinal);

        var logged = StandIn.Requests.All.Single(r => r.Operation == "GetCases");
        using var body = JsonDocument.Parse(logged.Body!);
        Assert.Equal("2020-01-01T00:00:00Z", body.RootElement.GetProperty("parameter").GetProperty("LastDate").GetString());
    }

    [Fact]
    public async Task A_missing_page_size_takes_the_default()
    {
        for (var i = 1; i <= 30; i++)
        {
            StandIn.AddCase($"AMN 2021-{i:D4}", $"Ärende {i}");
        }

        var answer = await CallAsync("CaseService", "GetCases", new { });

        Assert.Equal(25, answer.Body.GetProperty("Cases").GetArrayLength());
        Assert.Equal(2, answer.Body.GetProperty("TotalPageCount").GetInt32());
    }

    [Fact]
    public async Task Business_errors_are_200_with_successful_false()
    {
        await CreateCaseAsync("Första", new { ExternalId = new { Id = "x-1", Type = "Plan" } });

        (await CallAsync("CaseService", "CreateCase", new { Title = "" })).AssertRefused("Title is required.");
        (await CallAsync("CaseService", "CreateCase", new { Title = "Ny", Status = "recno:999" })).AssertRefused("Status 'recno:999' is not in code table: Case status.");
        (await CallAsync("CaseService", "CreateCase", new { Title = "Ny", CaseType = "OKÄND" })).AssertRefused("CaseType 'OKÄND' is not in code table: Case type.");
        (await CallAsync("CaseService", "CreateCase", new { Title = "Igen", ExternalId = new { Id = "x-1", Type = "Plan" } })).AssertRefused("already exists: AMN 2025-0001");
        (await CallAsync("CaseService", "GetCases", new { ArchiveCode = "1.4" })).AssertRefused("The stand-in does not filter on ArchiveCode.");
        (await CallAsync("CaseService", "GetCases", new { Page = -1 })).AssertRefused("Page must be 0 or more.");
        (await CallAsync("CaseService", "GetCases", new { Recno = "ett" })).AssertRefused("Recno must be a whole number.");
        (await SendAsync("CaseService", "GetCases", """{"Title": "utan parameter"}""")).AssertRefused("The request has no parameter object");
        Assert.Single(StandIn.Cases);
    }

    [Fact]
    public async Task New_case_numbers_skip_serials_that_seeded_cases_hold()
    {
        StandIn.AddCase("AMN 2025-0001-1.4", "Sådd");
        StandIn.AddCase("AMN 2025-0002", "Sådd");

        Assert.Equal("AMN 2025-0003", await CreateCaseAsync("Ny"));
        Assert.Throws<InvalidOperationException>(() => StandIn.AddCase("AMN 2025-0003", "Dubblett"));
    }

    [Fact]
    public async Task A_call_without_the_key_or_with_a_wrong_one_gets_401()
    {
        var missing = await SendAsync("CaseService", "GetCases", "{parameter:{}}", headerKey: null);
        var wrong = await SendAsync("CaseService", "GetCases", "{parameter:{}}", headerKey: "not-the-key");
        var wrongInQuery = await SendAsync("CaseService", "GetCases", "{parameter:{}}", headerKey: null, queryKey: "not-the-key");
        var rightInQuery = await SendAsync("CaseService", "GetCases", "{parameter:{}}", headerKey: null, queryKey: Key);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongInQuery.Status);
        Assert.Equal("Authorization has been denied for this request.", missing.Body.GetProperty("Message").GetString());
        rightInQuery.AssertSuccessful();
        Assert.Equal([401, 401, 401, 200], StandIn.Requests.All.Select(r => r.Status));
        Assert.Equal([false, false, true, true], StandIn.Requests.All.Select(r => r.KeyInQuery));
    }

    [Fact]
    public async Task Unknown_operations_and_paths_get_404_and_other_methods_405()
    {
        var unknown = await CallAsync("CaseService", "DeleteEverything", new { });
        using var get = await Http.GetAsync(StandIn.OperationUrl("CaseService", "GetCases"));
        using var elsewhere = await Http.PostAsync(new Uri(StandIn.BaseUrl, "/api/cases"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_at_all_gets_400()
    {
        var answer = await SendAsync("CaseService", "GetCases", "{parameter: {Title: 'x' Page: 1}}");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("The request is invalid.", answer.Body.GetProperty("Message").GetString());
    }

    private async Task<List<string>> NumbersAsync(object parameter)
    {
        var answer = await CallAsync("CaseService", "GetCases", parameter);
        answer.AssertSuccessful();
        return [.. answer.Body.GetProperty("Cases").EnumerateArray().Select(c => c.GetProperty("CaseNumber").GetString()!)];
    }
}
