using System.Text.Json;

namespace Integration.Functions.Tests.Emulators;

/// <summary>
/// Every answer has the properties, spelling and nesting of the vendor's <c>*Response.json</c> for its
/// operation: where the reference shows an object, the answer's object has exactly its keys. The
/// <c>*Response.json</c> files are public reference files beside the checkout; where they are not, the
/// tests that read them are skipped, saying why.
/// </summary>
public class SifStandInShapeTests : SifStandInTest
{
    private const string NetworkCase = "AMN 2021-0112-1.4";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StandIn.AddCase(NetworkCase, "Nätverket", caseType: "UPPDRAG", status: "B", externalId: new Integration.Emulators.CaseSystem.SifExternalId("network", "Plan"));
    }

    [SkippableFact]
    public async Task CreateCase_answers_in_the_reference_shape() =>
        AssertShape("CaseService_CreateCaseResponse.json", await CallAsync("CaseService", "CreateCase", new
        {
            Title = "Ny",
            ArchiveCodes = new[] { new { ArchiveCode = "1.4", ArchiveType = "recno:60001", Sort = 1 } },
        }));

    [SkippableFact]
    public async Task GetCases_answers_in_the_reference_shape()
    {
        await CallAsync("CaseService", "CreateCase", new
        {
            Title = "Med klassificering",
            ArchiveCodes = new[] { new { ArchiveCode = "1.4", ArchiveType = "recno:60001", Sort = 1 } },
            AdditionalFields = Fields(("Budgetår", "2025")),
        });

        AssertShape("CaseService_GetCasesResponse.json", await CallAsync("CaseService", "GetCases", new { Title = "Med klassificering", IncludeCustomFields = true }));
    }

    [SkippableFact]
    public async Task CreateDocument_answers_in_the_reference_shape() =>
        AssertShape("DocumentService_CreateDocumentResponse.json", await CallAsync("DocumentService", "CreateDocument", new { CaseNumber = NetworkCase, Title = "Ett" }));

    [SkippableFact]
    public async Task GetDocuments_answers_in_the_reference_shape()
    {
        await CallAsync("DocumentService", "CreateDocument", new
        {
            CaseNumber = NetworkCase,
            Title = "Med allt",
            Category = "I",
            Status = "J",
            AccessCode = "O",
            Contacts = new[] { new { Role = "Mottagare", ReferenceNumber = "5560000000" } },
            AdditionalFields = Fields(("ExternalReference", "x")),
            Files = new[] { new { Title = "Fil", Format = "pdf", Base64Data = "JVBERi0=" } },
        });

        AssertShape("DocumentService_GetDocumentsResponse.json", await CallAsync("DocumentService", "GetDocuments", new { CaseNumber = NetworkCase, IncludeCustomFields = true }));
    }

    [SkippableFact]
    public async Task Upload_answers_in_the_reference_shape() =>
        AssertShape("FileService_UploadResponse.json", await CallAsync("FileService", "Upload", new { FileName = "a.txt", FileData = new List<int> { 1, 2 } }));

    [SkippableFact]
    public async Task GetCodeTableRows_answers_in_the_reference_shape() =>
        AssertShape("SupportService_GetCodeTableRowsResponse.json", await CallAsync("SupportService", "GetCodeTableRows", new { CodeTableName = "code table: Document category" }));

    [Fact]
    public void The_shape_check_notices_a_missing_or_extra_key()
    {
        using var reference = JsonDocument.Parse("""{"A":1,"B":{"C":1},"D":[{"E":1}]}""");
        using var extra = JsonDocument.Parse("""{"A":1,"B":{"C":1,"X":2},"D":[{"E":1}]}""");
        using var missing = JsonDocument.Parse("""{"A":1,"B":{"C":1},"D":[{}]}""");

        Assert.NotEmpty(Differences(reference.RootElement, extra.RootElement, "$"));
        Assert.NotEmpty(Differences(reference.RootElement, missing.RootElement, "$"));
    }

    private static void AssertShape(string referenceFile, SifAnswer answer)
    {
        var path = ReferencePath(referenceFile);
        answer.AssertSuccessful();
        using var reference = JsonDocument.Parse(File.ReadAllText(path));
        var differences = Differences(reference.RootElement, answer.Body, "$").ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        AssertArraysWereChecked(reference.RootElement, answer.Body, "$");
    }

    /// <summary>Keys that differ wherever both have an object with keys; arrays compare every element with the reference's first.</summary>
    private static IEnumerable<string> Differences(JsonElement reference, JsonElement actual, string path)
    {
        if (reference.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object && reference.EnumerateObject().Any())
        {
            var expected = reference.EnumerateObject().Select(p => p.Name).ToList();
            var got = actual.EnumerateObject().Select(p => p.Name).ToList();
            foreach (var name in expected.Except(got, StringComparer.Ordinal))
            {
                yield return $"{path}.{name} is missing";
            }

            foreach (var name in got.Except(expected, StringComparer.Ordinal))
            {
                yield return $"{path}.{name} is not in the reference";
            }

            foreach (var property in reference.EnumerateObject())
            {
                if (actual.TryGetProperty(property.Name, out var value))
                {
                    foreach (var difference in Differences(property.Value, value, path + "." + property.Name))
                    {
                        yield return difference;
                    }
                }
            }
        }
        else if (reference.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array && reference.GetArrayLength() > 0)
        {
            var index = 0;
            foreach (var item in actual.EnumerateArray())
            {
                foreach (var difference in Differences(reference[0], item, $"{path}[{index++}]"))
                {
                    yield return difference;
                }
            }
        }
    }

    /// <summary>The top-level lists the reference fills are not empty in the answer, so their items were compared.</summary>
    private static void AssertArraysWereChecked(JsonElement reference, JsonElement actual, string path)
    {
        foreach (var property in reference.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array))
        {
            Assert.True(actual.GetProperty(property.Name).GetArrayLength() > 0, $"{path}.{property.Name} is empty, so its shape went unchecked");
        }
    }
}
