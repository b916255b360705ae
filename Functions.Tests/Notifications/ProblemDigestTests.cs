using Integration.Core.Notifications;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Notifications;

/// <summary>
/// Data problems in the channel digest, through the webhook stand-in: new ones the night they are
/// found, and the weekly reminder of those open for more than a week, on its day only.
/// </summary>
public class ProblemDigestTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    private string LastBody => Teams.Posts[^1].Body;

    [Fact]
    public async Task ANewProblemIsToldOnceAndRemindedWeeklyOnTheReminderDayOnly()
    {
        // Friday 27 November.
        var item = Harness.List.AddPlanItem("Workshop om sociala kriterier", Anna, null);
        await NightAsync("fri-27");
        Assert.Contains("Att rätta i SharePoint: 1", LastBody, StringComparison.Ordinal);
        Assert.Contains("Slutdatum saknas. Fyll i kolumnen Slutdatum.", LastBody, StringComparison.Ordinal);
        Assert.Contains($"DispForm.aspx?ID={item}", LastBody, StringComparison.Ordinal);
        var posts = Teams.Posts.Count;

        // Monday 30 November: open for three days, no reminder yet; the echo of the write tells nothing.
        Harness.Time.Advance(TimeSpan.FromDays(3));
        await NightAsync("mon-30");
        Assert.Equal(posts, Teams.Posts.Count);

        // Friday 4 December: open for a week, but not the reminder day.
        Harness.Time.Advance(TimeSpan.FromDays(4));
        await NightAsync("fri-4");
        Assert.Equal(posts, Teams.Posts.Count);

        // Monday 7 December: the reminder, once however often the digest runs that day.
        Harness.Time.Advance(TimeSpan.FromDays(3));
        var monday = await NightAsync("mon-7");
        Assert.Equal(posts + 1, Teams.Posts.Count);
        Assert.Contains("Påminnelse: fortfarande att rätta efter en vecka: 1", LastBody, StringComparison.Ordinal);
        Assert.Contains("Workshop om sociala kriterier", LastBody, StringComparison.Ordinal);
        Assert.Contains("Handlingsplan", LastBody, StringComparison.Ordinal);
        Assert.Equal(0, monday.Counts["personal"]);
        await DigestAsync("mon-7-again");
        Assert.Equal(posts + 1, Teams.Posts.Count);

        // Fixed on Tuesday: the next Monday has nothing to remind of.
        Harness.Time.Advance(TimeSpan.FromDays(1));
        Harness.List.Update(item, new Dictionary<string, object?> { ["DueDate"] = "2027-03-15" });
        await NightAsync("tue-8");
        Harness.Time.Advance(TimeSpan.FromDays(6));
        var count = Teams.Posts.Count;
        await NightAsync("mon-14");
        Assert.Equal(count, Teams.Posts.Count);
    }
}

/// <summary>The reminder day is a setting.</summary>
public class ProblemReminderDayTests(AzuriteFixture azurite) : TeamsTest(azurite)
{
    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = base.Settings!;
            settings["Teams:ProblemReminderDay"] = "Wednesday";
            return settings;
        }
    }

    [Fact]
    public async Task TheReminderComesOnTheConfiguredDay()
    {
        Harness.List.AddPlanItem("Workshop om sociala kriterier", Anna, null);
        await NightAsync("fri-27");

        // Monday 7 December is not the day; Wednesday 9 December is.
        Harness.Time.Advance(TimeSpan.FromDays(10));
        var posts = Teams.Posts.Count;
        await NightAsync("mon-7");
        Assert.Equal(posts, Teams.Posts.Count);
        Harness.Time.Advance(TimeSpan.FromDays(2));
        await NightAsync("wed-9");
        Assert.Contains("Påminnelse: fortfarande att rätta", Teams.Posts[^1].Body, StringComparison.Ordinal);
    }
}
