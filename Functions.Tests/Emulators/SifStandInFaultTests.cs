using System.Diagnostics;
using System.Net;
using Integration.Emulators.CaseSystem;

namespace Integration.Functions.Tests.Emulators;

public class SifStandInFaultTests : SifStandInTest
{
    private const string NetworkCase = "AMN 2021-0112-1.4";

    private static readonly object Note = new
    {
        CaseNumber = NetworkCase,
        Title = "Minnesanteckningar",
        AdditionalFields = new[] { new { Name = "ExternalReference", Value = "note-1" } },
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StandIn.AddCase(NetworkCase, "Nätverket");
    }

    [Fact]
    public async Task A_slow_answer_comes_after_the_delay()
    {
        StandIn.Faults.Slow("GetCases", TimeSpan.FromMilliseconds(600));

        var watch = Stopwatch.StartNew();
        var slow = await CallAsync("CaseService", "GetCases", new { });
        var slowTook = watch.Elapsed;
        watch.Restart();
        var next = await CallAsync("CaseService", "GetCases", new { });

        slow.AssertSuccessful();
        next.AssertSuccessful();
        Assert.True(slowTook >= TimeSpan.FromMilliseconds(580), $"answered after {slowTook}");
        Assert.True(watch.Elapsed < slowTook, "only the first call was slow");
        Assert.Equal([SifFaultKind.Slow, null], StandIn.Requests.All.Select(r => r.Fault));
    }

    [Fact]
    public async Task A_slow_call_the_client_gave_up_on_is_still_carried_out()
    {
        StandIn.Faults.Slow("CreateDocument", TimeSpan.FromSeconds(1));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };
        using var request = new HttpRequestMessage(HttpMethod.Post, StandIn.OperationUrl("DocumentService", "CreateDocument"))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { parameter = Note })),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "authkey " + Key);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(request));

        Assert.Empty(StandIn.Documents);
        await WaitUntilAsync(() => StandIn.Documents.Count == 1);
        Assert.Equal("note-1", StandIn.Documents[0].AdditionalFields["ExternalReference"]);
    }

    [Fact]
    public async Task A_server_error_is_a_500_and_does_nothing()
    {
        StandIn.Faults.ServerError("DocumentService/CreateDocument");

        var failed = await CallAsync("DocumentService", "CreateDocument", Note);
        var retried = await CallAsync("DocumentService", "CreateDocument", Note);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal("An error has occurred.", failed.Body.GetProperty("Message").GetString());
        retried.AssertSuccessful();
        Assert.Single(StandIn.Documents);
        Assert.Equal([500, 200], StandIn.Requests.All.Select(r => r.Status));
    }

    [Fact]
    public async Task Unavailable_is_a_503_web_server_page_for_as_many_calls_as_set()
    {
        StandIn.Faults.Unavailable("CreateDocument", count: 2, retryAfter: TimeSpan.FromSeconds(5));

        var first = await CallAsync("DocumentService", "CreateDocument", Note);
        var second = await CallAsync("DocumentService", "CreateDocument", Note);
        var third = await CallAsync("DocumentService", "CreateDocument", Note);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal("text/html", first.ContentType);
        Assert.Contains("HTTP Error 503. The service is unavailable.", first.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        third.AssertSuccessful();
        Assert.Single(StandIn.Documents);
    }

    [Fact]
    public async Task Unavailable_sends_retry_after_in_whole_seconds()
    {
        StandIn.Faults.Unavailable(null, retryAfter: TimeSpan.FromSeconds(2.5));
        using var request = new HttpRequestMessage(HttpMethod.Post, StandIn.OperationUrl("CaseService", "GetCases")) { Content = new StringContent("{parameter:{}}") };
        request.Headers.TryAddWithoutValidation("Authorization", "authkey " + Key);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_business_error_is_a_200_with_successful_false_and_does_nothing()
    {
        StandIn.Faults.BusinessError("CreateDocument", "Dokumentet kunde inte sparas.", details: "SI.Data.Exceptions.ArchiveLocked");

        var refused = await CallAsync("DocumentService", "CreateDocument", Note);

        refused.AssertRefused("Dokumentet kunde inte sparas.");
        Assert.Equal("SI.Data.Exceptions.ArchiveLocked", refused.Body.GetProperty("ErrorDetails").GetString());
        Assert.Empty(StandIn.Documents);
        var logged = Assert.Single(StandIn.Requests.All);
        Assert.Equal((200, false, SifFaultKind.BusinessError), (logged.Status, logged.Successful, logged.Fault));
    }

    [Fact]
    public async Task A_lost_answer_leaves_the_document_created_and_the_client_with_an_error()
    {
        StandIn.Faults.LoseAnswer("CreateDocument");

        await Assert.ThrowsAsync<HttpRequestException>(() => CallAsync("DocumentService", "CreateDocument", Note));

        var created = Assert.Single(StandIn.Documents);
        Assert.Equal("note-1", created.AdditionalFields["ExternalReference"]);
        var logged = Assert.Single(StandIn.Requests.All);
        Assert.Equal((0, true, SifFaultKind.LostAnswer), (logged.Status, logged.Successful, logged.Fault));
        // A client that looks before it retries finds what it made.
        var found = await CallAsync("DocumentService", "GetDocuments", new { CaseNumber = NetworkCase, AdditionalFields = new[] { new { Name = "ExternalReference", Value = "note-1" } } });
        Assert.Equal(1, found.Body.GetProperty("TotalCount").GetInt32());
    }

    [Fact]
    public async Task Faults_hit_only_their_operation_in_the_order_set()
    {
        StandIn.Faults.ServerError("CreateDocument");
        StandIn.Faults.Unavailable("CreateDocument");
        StandIn.Faults.BusinessError("GetDocuments", "Nej.");
        Assert.Equal(3, StandIn.Faults.Pending);

        var cases = await CallAsync("CaseService", "GetCases", new { });
        var first = await CallAsync("DocumentService", "CreateDocument", Note);
        var second = await CallAsync("DocumentService", "CreateDocument", Note);
        var third = await CallAsync("DocumentService", "CreateDocument", Note);

        cases.AssertSuccessful();
        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        third.AssertSuccessful();
        Assert.Equal(1, StandIn.Faults.Pending);
        StandIn.Faults.Clear();
        (await CallAsync("DocumentService", "GetDocuments", new { })).AssertSuccessful();
    }

    [Fact]
    public async Task Faults_wait_for_a_call_that_has_the_key()
    {
        StandIn.Faults.ServerError(null);

        var unauthorised = await SendAsync("CaseService", "GetCases", "{parameter:{}}", headerKey: "wrong");
        var authorised = await CallAsync("CaseService", "GetCases", new { });

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, authorised.Status);
        Assert.Equal(0, StandIn.Faults.Pending);
    }

    [Fact]
    public async Task Faults_are_taken_once_each_by_concurrent_calls()
    {
        StandIn.Faults.ServerError("GetCases", count: 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => CallAsync("CaseService", "GetCases", new { })));

        Assert.Equal(10, answers.Count(a => a.Status == HttpStatusCode.InternalServerError));
        Assert.Equal(20, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(30, StandIn.Requests.Count("CaseService/GetCases"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "the condition never held");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Endless_pages_say_one_more_page_follows_each_time_past_the_last_case()
    {
        StandIn.AddCase("AMN 2021-0113", "Uppdrag", caseType: "UPPDRAG");
        StandIn.Faults.EndlessPages("GetCases", count: 3);

        var pages = new List<SifAnswer>();
        for (var page = 0; page < 3; page++)
        {
            pages.Add(await CallAsync("CaseService", "GetCases", new { CaseType = "UPPDRAG", MaxReturnedCases = 1, Page = page }));
        }

        var honest = await CallAsync("CaseService", "GetCases", new { CaseType = "UPPDRAG", MaxReturnedCases = 1, Page = 3 });

        Assert.All(pages, p => p.AssertSuccessful());
        Assert.Equal([2, 3, 4], pages.Select(p => p.Body.GetProperty("TotalPageCount").GetInt32()));
        Assert.Equal([1, 0, 0], pages.Select(p => p.Body.GetProperty("Cases").GetArrayLength()));
        Assert.Equal(1, honest.Body.GetProperty("TotalPageCount").GetInt32());
        Assert.All(StandIn.Requests.All.Take(3), r => Assert.Equal(SifFaultKind.EndlessPages, r.Fault));
    }

    [Fact]
    public async Task A_repeated_page_is_the_first_page_whatever_page_is_asked()
    {
        StandIn.AddCase("AMN 2021-0113", "Uppdrag", caseType: "UPPDRAG");
        StandIn.AddCase("AMN 2021-0114", "Uppdrag", caseType: "UPPDRAG");
        StandIn.Faults.RepeatedPage("CaseService/GetCases", count: 2);

        var first = await CallAsync("CaseService", "GetCases", new { CaseType = "UPPDRAG", MaxReturnedCases = 1, Page = 0 });
        var second = await CallAsync("CaseService", "GetCases", new { CaseType = "UPPDRAG", MaxReturnedCases = 1, Page = 1 });

        Assert.Equal(
            first.Body.GetProperty("Cases")[0].GetProperty("CaseNumber").GetString(),
            second.Body.GetProperty("Cases")[0].GetProperty("CaseNumber").GetString());
        Assert.Equal([2, 3], new[] { first, second }.Select(p => p.Body.GetProperty("TotalPageCount").GetInt32()));
    }
}
