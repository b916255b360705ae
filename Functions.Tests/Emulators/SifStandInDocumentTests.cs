using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Integration.Functions.Tests.Emulators;

public class SifStandInDocumentTests : SifStandInTest
{
    private const string NetworkCase = "AMN 2021-0112-1.4";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StandIn.AddCase(NetworkCase, "Nätverket för sociala företag", externalId: new Integration.Emulators.CaseSystem.SifExternalId("network", "Handlingsplan"));
    }

    [Fact]
    public async Task A_created_document_comes_back_with_its_fields_contacts_and_files()
    {
        var content = Encoding.UTF8.GetBytes("Minnesanteckningar från nätverksmötet");
        var created = await CallAsync("DocumentService", "CreateDocument", new
        {
            CaseNumber = NetworkCase,
            Title = "Minnesanteckningar 2025-03-12",
            DocumentDate = "2025-03-12T00:00:00Z",
            Category = "recno:60008",
            Status = "J",
            AccessCode = "Offentlig",
            UnregisteredContacts = new[] { new { Role = "Avsändare", ContactName = "Nätverket", Email = "natverket@example.se" } },
            AdditionalFields = Fields(("ExternalReference", "meeting-notes/42/v3")),
            Files = new[] { new { Title = "Minnesanteckningar", Format = "docx", Base64Data = Convert.ToBase64String(content) } },
        });

        created.AssertSuccessful();
        Assert.Equal(NetworkCase + ":1", created.Body.GetProperty("DocumentNumber").GetString());
        var stored = Assert.Single(StandIn.Documents);
        Assert.Equal(created.Body.GetProperty("Recno").GetInt32(), stored.Recno);
        Assert.Equal("X", stored.Category);
        Assert.Equal("O", stored.AccessCode);
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero), stored.DocumentDate);
        Assert.Equal("meeting-notes/42/v3", stored.AdditionalFields["ExternalReference"]);
        Assert.Equal("Nätverket", Assert.Single(stored.Contacts).Name);
        var file = Assert.Single(stored.Files);
        Assert.Equal(content.Length, file.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256);

        var answer = await CallAsync("DocumentService", "GetDocuments", new { CaseNumber = NetworkCase, IncludeCustomFields = true });

        answer.AssertSuccessful();
        var found = Assert.Single(answer.Body.GetProperty("Documents").EnumerateArray());
        Assert.Equal(NetworkCase + ":1", found.GetProperty("DocumentNumber").GetString());
        Assert.Equal("Minnesanteckningar 2025-03-12", found.GetProperty("Title").GetString());
        Assert.Equal("Minnesanteckning", found.GetProperty("Category").GetProperty("Description").GetString());
        Assert.Equal("J", found.GetProperty("StatusCode").GetString());
        Assert.Equal("network", found.GetProperty("CaseExternalId").GetProperty("Id").GetString());
        Assert.Equal("meeting-notes/42/v3", Assert.Single(found.GetProperty("CustomFields").EnumerateArray()).GetProperty("Value").GetString());
        Assert.Equal("Minnesanteckningar", Assert.Single(found.GetProperty("Files").EnumerateArray()).GetProperty("Title").GetString());
    }

    [Fact]
    public async Task Documents_are_found_by_additional_fields()
    {
        await CreateDocumentAsync("Första", ("ExternalReference", "note-1"), ("Källa", "SharePoint"));
        await CreateDocumentAsync("Andra", ("ExternalReference", "note-2"), ("Källa", "SharePoint"));
        await CreateDocumentAsync("Utan markör");

        Assert.Equal(["Andra"], await TitlesAsync(new { AdditionalFields = Fields(("ExternalReference", "note-2")) }));
        Assert.Equal(["Första", "Andra"], await TitlesAsync(new { CaseNumber = NetworkCase, AdditionalFields = Fields(("Källa", "SharePoint")) }));
        Assert.Equal(["Första"], await TitlesAsync(new { AdditionalFields = Fields(("källa", "SharePoint"), ("ExternalReference", "note-1")) }));
        Assert.Empty(await TitlesAsync(new { AdditionalFields = Fields(("ExternalReference", "note-3")) }));
        Assert.Empty(await TitlesAsync(new { AdditionalFields = Fields(("ExternalReference", "NOTE-1")) }));
    }

    [Fact]
    public async Task Documents_are_found_by_number_recno_title_case_external_id_and_date()
    {
        var first = await CreateDocumentAsync("Protokoll mars");
        Clock.Advance(TimeSpan.FromDays(1));
        await CreateDocumentAsync("Protokoll april");
        StandIn.AddCase("AMN 2021-0200", "Annat ärende");
        await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = "AMN 2021-0200", Title = "Protokoll maj" });

        Assert.Equal(["Protokoll mars"], await TitlesAsync(new { DocumentNumber = NetworkCase + ":1" }));
        Assert.Equal(["Protokoll mars"], await TitlesAsync(new { Recno = first }));
        Assert.Equal(["Protokoll mars", "Protokoll april", "Protokoll maj"], await TitlesAsync(new { Title = "protokoll%" }));
        Assert.Equal(["Protokoll mars", "Protokoll april"], await TitlesAsync(new { CaseExternalId = new { Id = "network", Type = "Handlingsplan" } }));
        Assert.Equal(["Protokoll april", "Protokoll maj"], await TitlesAsync(new { LastDate = Start.AddHours(12) }));
    }

    [Fact]
    public async Task Pages_follow_max_returned_documents()
    {
        for (var i = 1; i <= 5; i++)
        {
            await CreateDocumentAsync($"Dokument {i}", ("Källa", "SharePoint"));
        }

        var first = await CallAsync("DocumentService", "GetDocuments", new { AdditionalFields = Fields(("Källa", "SharePoint")), MaxReturnedDocuments = 2 });
        var last = await CallAsync("DocumentService", "GetDocuments", new { AdditionalFields = Fields(("Källa", "SharePoint")), MaxReturnedDocuments = 2, Page = 2 });

        Assert.Equal(["Dokument 1", "Dokument 2"], first.Body.GetProperty("Documents").EnumerateArray().Select(d => d.GetProperty("Title").GetString()));
        Assert.Equal(["Dokument 5"], last.Body.GetProperty("Documents").EnumerateArray().Select(d => d.GetProperty("Title").GetString()));
        Assert.Equal(5, last.Body.GetProperty("TotalCount").GetInt32());
        Assert.Equal(3, last.Body.GetProperty("TotalPageCount").GetInt32());
    }

    [Fact]
    public async Task Document_numbers_run_per_case()
    {
        StandIn.AddCase("AMN 2021-0200", "Annat ärende");
        await CreateDocumentAsync("Ett");
        await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = "AMN 2021-0200", Title = "Annat" });
        await CreateDocumentAsync("Två");

        Assert.Equal([NetworkCase + ":1", "AMN 2021-0200:1", NetworkCase + ":2"], StandIn.Documents.Select(d => d.DocumentNumber));
    }

    [Fact]
    public async Task A_file_may_come_as_data_in_base64_or_as_bytes()
    {
        var created = await SendAsync("DocumentService", "CreateDocument", $$$"""
            {parameter: {CaseNumber: "{{{NetworkCase}}}", Title: "Två filer", Files: [
                {Title: "Som text", Format: "TXT", Data: "aGVsbG8gd29ybGQ="},
                {Title: "Som bytes", Format: "TXT", Data: [104, 105]},
                {Title: "Med radbrytning", Format: "TXT", Base64Data: "aGVsbG8g\r\nd29ybGQ="},
            ]}}
            """);

        created.AssertSuccessful();
        var files = Assert.Single(StandIn.Documents).Files;
        Assert.Equal([11L, 2L, 11L], files.Select(f => f.Length));
        Assert.Equal(files[0].Sha256, files[2].Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("hi"u8)), files[1].Sha256);
    }

    [Fact]
    public async Task A_refused_document_leaves_nothing_behind()
    {
        (await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = "AMN 2099-0001", Title = "Vilse" }))
            .AssertRefused("Case 'AMN 2099-0001' was not found.");
        (await CallAsync("DocumentService", "CreateDocument", new { Title = "Utan ärende" }))
            .AssertRefused("CaseNumber or CaseExternalId is required.");
        (await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = NetworkCase, Title = "Okänd kategori", Category = "recno:1" }))
            .AssertRefused("Category 'recno:1' is not in code table: Document category.");
        (await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = NetworkCase, Title = "Trasig fil", Files = new[] { new { Title = "x", Base64Data = "inte base64!" } } }))
            .AssertRefused("Base64Data is not valid base64.");
        (await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = NetworkCase, Title = "Tom fil", Files = new[] { new { Title = "x" } } }))
            .AssertRefused("File 'x' has neither Base64Data, Data nor UploadedFileReference.");
        (await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = NetworkCase, Title = "Dubbelt fält", AdditionalFields = Fields(("A", "1"), ("a", "2")) }))
            .AssertRefused("AdditionalFields names 'a' more than once.");
        (await CallAsync("DocumentService", "GetDocuments", new { ContactRecnos = new List<int> { 1 } }))
            .AssertRefused("The stand-in does not filter on ContactRecnos.");

        Assert.Empty(StandIn.Documents);
        await CreateDocumentAsync("Sedan");
        Assert.Equal(NetworkCase + ":1", Assert.Single(StandIn.Documents).DocumentNumber);
    }

    [Fact]
    public async Task A_document_is_filed_on_the_case_given_by_its_external_id()
    {
        var created = await CallAsync("DocumentService", "CreateDocument", new { CaseExternalId = new { Id = "network", Type = "Handlingsplan" }, Title = "Via extern id" });

        created.AssertSuccessful();
        Assert.Equal(NetworkCase, Assert.Single(StandIn.Documents).CaseNumber);
    }

    [Fact]
    public async Task Code_tables_answer_rows_with_recno_values_and_hide_expired_ones()
    {
        var rows = await CallAsync("SupportService", "GetCodeTableRows", new { CodeTableName = "code table: Case status" });
        var all = await CallAsync("SupportService", "GetCodeTableRows", new { CodeTableName = "code table: Case status", IncludeExpiredValues = true });
        var unknown = await CallAsync("SupportService", "GetCodeTableRows", new { CodeTableName = "code table: Nothing" });

        rows.AssertSuccessful();
        Assert.Equal([5, 6, 7], rows.Body.GetProperty("CodeTableRows").EnumerateArray().Select(r => r.GetProperty("Recno").GetInt32()));
        Assert.Equal(4, all.Body.GetProperty("CodeTableRows").GetArrayLength());
        unknown.AssertRefused("There is no code table named 'code table: Nothing'.");
    }

    private async Task<int> CreateDocumentAsync(string title, params (string Name, string Value)[] fields)
    {
        var answer = await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = NetworkCase, Title = title, AdditionalFields = Fields(fields) });
        answer.AssertSuccessful();
        return answer.Body.GetProperty("Recno").GetInt32();
    }

    private async Task<List<string>> TitlesAsync(object parameter)
    {
        var answer = await CallAsync("DocumentService", "GetDocuments", parameter);
        answer.AssertSuccessful();
        return [.. answer.Body.GetProperty("Documents").EnumerateArray().Select(d => d.GetProperty("Title").GetString()!)];
    }
}
