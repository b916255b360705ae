using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integration.Emulators.CaseSystem;

namespace Integration.Functions.Tests.Emulators;

/// <summary>
/// Replays every request in the vendor's Postman collection of SIF calls, as written: lenient bodies,
/// the key as <c>?authkey=</c>, the customer's domain replaced by the stand-in's. The collection is one of
/// the public reference files beside the checkout; where they are not, every test here is skipped, saying why.
/// </summary>
public class SifStandInPostmanTests : SifStandInTest
{
    /// <summary>The case the collection's documents go on; it exists in the vendor's test tenant, so it is seeded here.</summary>
    private const string CollectionCase = "18/00001";

    /// <summary>
    /// Requests that name things only the vendor's tenant has, and the business error each legitimately gets here.
    /// </summary>
    private static readonly Dictionary<string, string> RefusedAsTheyShouldBe = new(StringComparer.Ordinal)
    {
        // An upload reference from the vendor's tenant; an upload here gets its own reference.
        ["CreateDocument with Uploaded file"] = @"No uploaded file has the reference '4792df9e-3419-46dd-8ed9-d87ae4d62926\TestFile2.TXT'.",
        // A file recno from the vendor's tenant.
        ["GetFileWithMetadata"] = "No file has Recno 200011.",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StandIn.AddCase(CollectionCase, "Testcase for postman examples");
    }

    [SkippableFact]
    public async Task Every_request_in_the_collection_is_answered_as_SIF_answers_it()
    {
        var requests = PostmanRequests();
        Assert.Equal(13, requests.Count);

        foreach (var request in requests)
        {
            var answer = await ReplayAsync(request);

            Assert.True(answer.Status == HttpStatusCode.OK, $"{request.Name}: HTTP {(int)answer.Status} {answer.Text}");
            Assert.Equal("application/json", answer.ContentType);
            if (RefusedAsTheyShouldBe.TryGetValue(request.Name, out var expected))
            {
                Assert.False(answer.Successful, $"{request.Name}: {answer.Text}");
                Assert.Equal(expected, answer.ErrorMessage);
            }
            else
            {
                Assert.True(answer.Successful, $"{request.Name}: {answer.Text}");
            }
        }

        Assert.All(StandIn.Requests.All, r => Assert.True(r.KeyInQuery));
        Assert.Equal(requests.Count, StandIn.Requests.All.Count);
    }

    [SkippableFact]
    public async Task The_collection_leaves_what_its_requests_describe()
    {
        foreach (var request in PostmanRequests())
        {
            await ReplayAsync(request);
        }

        var created = Assert.Single(StandIn.Cases, c => c.Title == "Testcase number one");
        Assert.Equal("Testcase number one with screened title", created.UnofficialTitle);
        Assert.Equal("AMN 2025-0001-2", created.CaseNumber);
        Assert.Equal([new SifArchiveCode("2", "recno:60001", 1)], created.ArchiveCodes);

        var upload = Assert.Single(StandIn.Uploads);
        Assert.Equal(1, upload.Length);
        Assert.EndsWith(@"\TestFile2.TXT", upload.FileReference, StringComparison.Ordinal);

        var document = Assert.Single(StandIn.Documents);
        Assert.Equal(CollectionCase, document.CaseNumber);
        Assert.Equal(CollectionCase + ":1", document.DocumentNumber);
        Assert.Equal("I", document.Category);
        Assert.Equal("J", document.Status);
        var file = Assert.Single(document.Files);
        Assert.Equal("Just a file", file.Title);
        Assert.Equal("hello world".Length, file.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("hello world"u8)), file.Sha256);
    }

    [SkippableFact]
    public async Task A_document_takes_a_file_uploaded_here_by_its_reference()
    {
        var requests = PostmanRequests();
        var uploaded = await ReplayAsync(requests.Single(r => r.Name == "FileService - UploadFile"));
        var reference = uploaded.Body.GetProperty("FileReference").GetString()!;
        var withUpload = requests.Single(r => r.Name == "CreateDocument with Uploaded file");
        var body = withUpload.Body.Replace(@"4792df9e-3419-46dd-8ed9-d87ae4d62926\\TestFile2.TXT", reference.Replace(@"\", @"\\", StringComparison.Ordinal), StringComparison.Ordinal);

        var answer = await ReplayAsync(withUpload with { Body = body });

        answer.AssertSuccessful();
        var file = Assert.Single(Assert.Single(StandIn.Documents).Files);
        Assert.Equal(reference, file.UploadedFileReference);
        Assert.Equal(1, file.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(new byte[1])), file.Sha256);
    }

    private async Task<SifAnswer> ReplayAsync(PostmanRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), ResolveUrl(request.Url));
        var contentType = request.Headers.GetValueOrDefault("Content-Type") ?? "text/plain";
        message.Content = new StringContent(request.Body, Encoding.UTF8, contentType);
        using var response = await Http.SendAsync(message);
        return await SifAnswer.ReadAsync(response);
    }

    /// <summary>The collection's URL with its variables resolved: the customer's domain, and the key.</summary>
    private Uri ResolveUrl(string raw)
    {
        var variables = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["baseUrl"] = StandIn.BaseUrl.ToString().TrimEnd('/'),
            ["authkey"] = Key,
        };
        foreach (var (name, value) in variables)
        {
            raw = raw.Replace("{{" + name + "}}", value, StringComparison.OrdinalIgnoreCase);
        }

        var path = raw[raw.IndexOf("/Biz/", StringComparison.Ordinal)..];
        var url = new UriBuilder(new Uri(StandIn.BaseUrl, path));
        var query = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.StartsWith("authkey=", StringComparison.OrdinalIgnoreCase) ? "authkey=" + Uri.EscapeDataString(Key) : pair);
        url.Query = string.Join('&', query);
        return url.Uri;
    }

    /// <summary>Every request in the collection, folders flattened, in the collection's order.</summary>
    private static List<PostmanRequest> PostmanRequests()
    {
        using var collection = LenientJson.Parse(File.ReadAllText(ReferencePath("sif-rpc-postman-examples.postman_collection.json")));
        var requests = new List<PostmanRequest>();
        Collect(collection.RootElement.GetProperty("item"), requests);
        return requests;
    }

    private static void Collect(JsonElement items, List<PostmanRequest> into)
    {
        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("item", out var folder))
            {
                Collect(folder, into);
                continue;
            }

            var request = item.GetProperty("request");
            var url = request.GetProperty("url");
            into.Add(new PostmanRequest(
                item.GetProperty("name").GetString()!,
                request.GetProperty("method").GetString()!,
                url.ValueKind == JsonValueKind.String ? url.GetString()! : url.GetProperty("raw").GetString()!,
                request.GetProperty("header").EnumerateArray().ToDictionary(h => h.GetProperty("key").GetString()!, h => h.GetProperty("value").GetString()!, StringComparer.OrdinalIgnoreCase),
                request.TryGetProperty("body", out var body) && body.TryGetProperty("raw", out var raw) ? raw.GetString()! : ""));
        }
    }

    private sealed record PostmanRequest(string Name, string Method, string Url, Dictionary<string, string> Headers, string Body);
}
