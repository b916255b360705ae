using System.Text.Json;
using Integration.Core.BudgetAssignments;
using Integration.Core.CaseSystem;
using Integration.Core.Sync;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.BudgetAssignments;

/// <summary>
/// Budget assignments from the case system into the BudgetAssignments table: our SIF adapter over
/// HTTP against the SIF stand-in, the delta engine and Azurite.
/// </summary>
public class BudgetAssignmentsSyncTests(AzuriteFixture azurite) : BudgetAssignmentsTest(azurite)
{
    [Fact]
    public async Task TheFirstReadStoresEveryAssignmentOpenAndClosedAndNothingElse()
    {
        AddAssignment("AMN 2021-0112-1.4");
        AddAssignment("AMN 2019-0340-01.02", title: "Upphandling med sociala hänsyn", year: "2019", deadline: "2020-06-30", partners: null, status: "A");
        Sif.AddCase("AMN 2021-0200", "Allmän korrespondens", caseType: "ALLM", status: "B", lastChanged: Changed);

        var counts = await SyncAsync();

        Assert.Equal((2, 2, 0), (counts.Read, counts.Created, counts.Quarantined));
        var rows = await RowsAsync();
        Assert.Equal(["AMN 2019-0340-01.02", "AMN 2021-0112-1.4"], rows.Keys.Order(StringComparer.Ordinal));
        var open = rows["AMN 2021-0112-1.4"];
        Assert.Equal("AMN 2021-0112-1.4", open.GetString("DiaryNumber"));
        Assert.Equal("Handlingsplan för arbetsintegrerande sociala företag", open.GetString("Title"));
        Assert.Equal(2021, open.GetInt32("BudgetYear"));
        Assert.Equal(Board, open.GetString("ResponsibleBoard"));
        Assert.Equal(Partners, open.GetString("Partners"));
        Assert.Equal("2021-12-31", open.GetString("Deadline"));
        Assert.Equal("Under behandling", open.GetString("Status"));
        Assert.False(open.GetBoolean("Closed"));
        Assert.Equal(Changed, open.GetDateTimeOffset("LastActivity"));
        Assert.StartsWith(Sif.BaseUrl.ToString().TrimEnd('/') + "/locator.aspx?", open.GetString("CaseLink"), StringComparison.Ordinal);
        Assert.False(open.GetBoolean("IsDeleted"));

        var closed = rows["AMN 2019-0340-01.02"];
        Assert.Equal(("Avslutat", true, 2019, "2020-06-30", ""), (closed.GetString("Status"), closed.GetBoolean("Closed"), closed.GetInt32("BudgetYear"), closed.GetString("Deadline"), closed.GetString("Partners")));

        // A first read asks for every case of the type, with its custom fields, and no LastDate.
        var call = Assert.Single(GetCasesCalls());
        Assert.Equal("UPPDRAG", call.GetProperty("CaseType").GetString());
        Assert.True(call.GetProperty("IncludeCustomFields").GetBoolean());
        Assert.Equal(0, call.GetProperty("Page").GetInt32());
        Assert.False(call.TryGetProperty("LastDate", out _));
    }

    [Fact]
    public async Task ASecondNightWithoutChangeWritesNoRowAndKeepsItsCheckpoint()
    {
        AddAssignment("AMN 2021-0112-1.4");
        AddAssignment("AMN 2021-0113-1.4", changed: Changed.AddHours(-3));
        await SyncAsync();
        var checkpoint = await CheckpointAsync();

        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.TableRequests.Reset();
        var counts = await SyncAsync("night-2");

        // The overlap rereads the newest case; the digest finds it unchanged.
        Assert.Equal((1, 0, 0, 1), (counts.Read, counts.Created, counts.Updated, counts.Unchanged));
        Assert.Equal(0, Harness.TableRequests.Writes);
        Assert.Equal(checkpoint, await CheckpointAsync());
    }

    [Fact]
    public async Task AnEditedCaseIsReadFromTheLastChangeLessTheOverlapAndUpdated()
    {
        AddAssignment("AMN 2021-0112-1.4");
        AddAssignment("AMN 2021-0113-1.4", changed: Changed.AddDays(-30));
        await SyncAsync();

        var edited = Changed.AddDays(3);
        Sif.UpdateCase("AMN 2021-0113-1.4", status: "A", customFields: new Dictionary<string, string?> { ["Slutdatum"] = "2022-03-31" }, lastChanged: edited);
        Harness.Time.Advance(TimeSpan.FromDays(4));
        var counts = await SyncAsync("night-2");

        Assert.Equal((2, 1, 1), (counts.Read, counts.Updated, counts.Unchanged));
        var since = GetCasesCalls()[^1].GetProperty("LastDate").GetString();
        Assert.Equal(Changed - CaseDeltaFeed.Overlap, DateTimeOffset.Parse(since!, System.Globalization.CultureInfo.InvariantCulture));
        var row = (await RowsAsync())["AMN 2021-0113-1.4"];
        Assert.Equal(("Avslutat", true, "2022-03-31", edited), (row.GetString("Status"), row.GetBoolean("Closed"), row.GetString("Deadline"), row.GetDateTimeOffset("LastActivity")));

        // The next night asks from the edit, less the overlap.
        Harness.Time.Advance(TimeSpan.FromDays(1));
        await SyncAsync("night-3");
        Assert.Equal(edited - CaseDeltaFeed.Overlap, DateTimeOffset.Parse(GetCasesCalls()[^1].GetProperty("LastDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AMalformedCaseIsQuarantinedWithItsReasonAndTheRestIsStored()
    {
        AddAssignment("AMN 2021-0112-1.4");
        AddAssignment("AMN 21-0340", title: "Fel diarienummer");
        AddAssignment("AMN 2021-0114", year: "20x1");
        AddAssignment("AMN 2021-0115", deadline: "31/12/2021");
        AddAssignment("AMN 2021-0116", year: null);

        var counts = await SyncAsync();

        Assert.Equal((5, 1, 4), (counts.Read, counts.Created, counts.Quarantined));
        Assert.Equal(["AMN 2021-0112-1.4"], (await RowsAsync()).Keys);
        var reasons = (await QuarantineAsync()).ToDictionary(q => q.GetString("ItemId"), q => q.GetString("Reason"));
        Assert.Contains("'AMN 21-0340' is not a diary number", reasons["AMN 21-0340"], StringComparison.Ordinal);
        Assert.Contains("Budget year (custom field Budgetår)", reasons["AMN 2021-0114"], StringComparison.Ordinal);
        Assert.Contains("20x1", reasons["AMN 2021-0114"], StringComparison.Ordinal);
        Assert.Contains("Deadline (custom field Slutdatum)", reasons["AMN 2021-0115"], StringComparison.Ordinal);
        Assert.Contains("31/12/2021", reasons["AMN 2021-0115"], StringComparison.Ordinal);
        Assert.Equal("Budget year (custom field Budgetår) is missing.", reasons["AMN 2021-0116"]);

        // The raw case travels with the reason.
        var raw = (await QuarantineAsync()).Single(q => q.GetString("ItemId") == "AMN 2021-0115");
        using var payload = JsonDocument.Parse(raw.GetString("RawPayload"));
        Assert.Equal("AMN 2021-0115", payload.RootElement.GetProperty("CaseNumber").GetString());
    }

    [Fact]
    public async Task ACaseWithoutADeadlineIsStoredWithoutOne()
    {
        AddAssignment("AMN 2021-0112-1.4", deadline: null);
        AddAssignment("AMN 2021-0113-1.4", deadline: "2021-12-31T00:00:00");

        var counts = await SyncAsync();

        Assert.Equal((2, 2, 0), (counts.Read, counts.Created, counts.Quarantined));
        var rows = await RowsAsync();
        Assert.False(rows["AMN 2021-0112-1.4"].ContainsKey("Deadline"));
        Assert.Equal("2021-12-31", rows["AMN 2021-0113-1.4"].GetString("Deadline"));
    }

    [Fact]
    public async Task AWeekAfterTheLastFullReadTheNightReadsEverythingAgain()
    {
        AddAssignment("AMN 2021-0112-1.4");
        await SyncAsync();
        Harness.Time.Advance(TimeSpan.FromDays(3));
        await SyncAsync("night-2");
        Assert.True(GetCasesCalls()[^1].TryGetProperty("LastDate", out _));

        Harness.Time.Advance(TimeSpan.FromDays(5));
        var counts = await SyncAsync("night-3");

        Assert.False(GetCasesCalls()[^1].TryGetProperty("LastDate", out _));
        Assert.Equal((1, 1), (counts.Read, counts.Unchanged));
        Assert.True(CaseDeltaLink.TryParse((await CheckpointAsync())!.DeltaLink, out var link));
        Assert.Equal(Harness.Time.GetUtcNow(), link.FullReadAt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACaseSystemThatIsDownOrRefusesFailsTheNightAndTheCheckpointStays(bool refuses)
    {
        AddAssignment("AMN 2021-0112-1.4");
        await SyncAsync();
        var checkpoint = await CheckpointAsync();
        Sif.UpdateCase("AMN 2021-0112-1.4", title: "Ny titel", lastChanged: Changed.AddDays(1));

        if (refuses) Sif.Faults.BusinessError("GetCases", "Access denied to case type UPPDRAG.", count: 10);
        else Sif.Faults.Unavailable("GetCases", count: 10, retryAfter: TimeSpan.Zero);
        Harness.Time.Advance(TimeSpan.FromDays(1));
        var failure = await Assert.ThrowsAsync<CaseSystemException>(() => SyncAsync("night-2"));

        Assert.Contains(refuses ? "Access denied" : "503", failure.FullMessage, StringComparison.Ordinal);
        Assert.Equal(checkpoint, await CheckpointAsync());
        Assert.Equal("Handlingsplan för arbetsintegrerande sociala företag", (await RowsAsync())["AMN 2021-0112-1.4"].GetString("Title"));

        Sif.Faults.Clear();
        var counts = await SyncAsync("night-3");
        Assert.Equal(1, counts.Updated);
        Assert.Equal("Ny titel", (await RowsAsync())["AMN 2021-0112-1.4"].GetString("Title"));
    }
}
