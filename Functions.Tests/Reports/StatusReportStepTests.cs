using System.Security.Cryptography;
using Integration.Core.Operations;
using Integration.Core.Reports;
using Integration.Core.Sync;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Reports;

/// <summary>
/// The StatusReport step over the Graph stand-in (real Graph SDK) and Azurite: the report goes to
/// the Reports library by name, a rerun the same week replaces it, a large file goes by an upload
/// session, and the step has its own SyncRuns row in <c>status</c>.
/// </summary>
public class StatusReportStepTests(AzuriteFixture azurite) : ReportTest(azurite)
{
    private const string LibraryName = "Lägesrapporter";

    private DocumentLibrary Library { get; set; } = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>(base.Settings!)
    {
        ["SharePoint:Libraries:Reports"] = LibraryName,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Library = Harness.Site.AddDocumentLibrary(LibraryName);
    }

    private Task<SyncRunRecord> RunAsync(string runId) => Harness.Get<StatusReportStep>().RunAsync(runId, CancellationToken.None, Week49);

    /// <summary>The library's one file as a reader sees it through Graph: drive delta, then its content.</summary>
    private async Task<(string Name, byte[] Content, string? WebUrl)> SingleAsync()
    {
        Assert.Equal(1, Library.FileCount);
        var drives = Harness.Get<Integration.Core.SharePoint.SharePointDrives>();
        var files = new List<Integration.Core.SharePoint.DriveFile>();
        await foreach (var page in drives.ReadDeltaAsync(Library.DriveId, null, CancellationToken.None)) files.AddRange(page.Items.Where(f => !f.Deleted));
        var file = Assert.Single(files);
        await using var stream = await drives.OpenContentAsync(Library.DriveId, file.Id, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (file.Name!, copy.ToArray(), file.WebUrl);
    }

    [Fact]
    public async Task TheWeeksReportGoesToTheLibraryByItsNameInOneUpload()
    {
        await TwoNightsAsync();

        var record = await RunAsync("monday-1");

        Assert.Equal(SyncRunStatus.Succeeded, record.Status);
        Assert.Equal((1, 0), (record.Counts["uploaded"], record.Counts["bySession"]));
        Assert.Contains("Lägesrapport 2026-v49.pdf", record.Detail, StringComparison.Ordinal);
        var file = await SingleAsync();
        Assert.Equal("Lägesrapport 2026-v49.pdf", file.Name);
        Assert.Equal(record.Counts["bytes"], file.Content.Length);
        Assert.Equal("%PDF"u8.ToArray(), file.Content[..4]);
        Assert.Equal(1, Harness.Graph.Requests.Count("PUT", "/content"));
        Assert.Equal(0, Harness.Graph.Requests.Count("POST", "createUploadSession"));
        // No webhook here: the card is left out and the row says why.
        Assert.Equal(0, record.Counts["cardsPosted"]);
        Assert.Contains("Teams__WorkflowWebhookUrl is not set", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARerunTheSameWeekReplacesTheFileAndNeverMakesASecond()
    {
        await TwoNightsAsync();
        await RunAsync("monday-1");
        var first = (await SingleAsync()).Content;

        // A day later the activity is done: the week's report is made again with what the stores hold now.
        Harness.Time.Advance(TimeSpan.FromDays(1));
        var second = await RunAsync("monday-2");

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        var file = await SingleAsync();
        Assert.Equal("Lägesrapport 2026-v49.pdf", file.Name);
        Assert.NotEqual(first, file.Content);
        Assert.Equal(second.Counts["bytes"], file.Content.Length);
    }

    [Fact]
    public async Task AFileOverFourMegabytesGoesByAnUploadSessionAndReplacesTooInSlices()
    {
        var library = Harness.Get<ReportLibrary>();
        var big = RandomNumberGenerator.GetBytes(ReportLibrary.SimpleUploadLimit + 700_000);
        var bigger = RandomNumberGenerator.GetBytes(ReportLibrary.SimpleUploadLimit + 1_500_000);

        var uploaded = await library.UploadAsync(Week49.FileName, big, CancellationToken.None);
        Assert.True(uploaded.BySession);
        Assert.Equal(big, (await SingleAsync()).Content);
        await library.UploadAsync(Week49.FileName, bigger, CancellationToken.None);

        Assert.Equal(bigger, (await SingleAsync()).Content);
        Assert.Equal(2, Harness.Graph.Requests.Count("POST", "createUploadSession"));
        // 3 276 800-byte slices: two for each file.
        Assert.Equal(4, Harness.Graph.Requests.Count("PUT", "/uploadSession/"));
        Assert.Equal(0, Harness.Graph.Requests.Count("PUT", ":/content"));
        Assert.False(string.IsNullOrEmpty(uploaded.ItemId));
    }

    [Fact]
    public async Task TheStepHasItsOwnRowInStatus()
    {
        await TwoNightsAsync();
        // As the timer runs it: under the latest night's run id.
        var record = await Harness.Get<StatusReportStep>().RunAsync(runId: null, CancellationToken.None, Week49);

        var status = await Harness.Get<OperationsStatus>().ReadAsync(1, CancellationToken.None);

        var step = Assert.Single(status.Nights[0].Steps, s => s.Step == StatusReportStep.Step);
        Assert.Equal(SyncRunStatus.Succeeded, step.Status);
        Assert.Equal(record.RunId, status.Nights[0].RunId);
    }
}

/// <summary>Skipped with the reason when the library is not set.</summary>
public class StatusReportNotConfiguredTests(AzuriteFixture azurite) : ReportTest(azurite)
{
    [Fact]
    public async Task WithoutTheReportsLibraryTheStepIsSkippedWithTheReason()
    {
        var record = await Harness.Get<StatusReportStep>().RunAsync("night", CancellationToken.None);

        Assert.Equal(SyncRunStatus.Skipped, record.Status);
        Assert.Contains("SharePoint__Libraries__Reports", record.Detail, StringComparison.Ordinal);
        Assert.Equal(0, Harness.Graph.Requests.Count("PUT", ""));
    }
}
