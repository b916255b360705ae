using Integration.Core.Configuration;

namespace Integration.Functions.Tests.Configuration;

/// <summary>The schedules are checked with the host's own NCRONTAB parser, not by counting fields.</summary>
public class SchedulesValidationTests
{
    private static List<string> Failures(string? nightlySync = null, string? overdueScan = null)
    {
        var options = new SchedulesOptions();
        if (nightlySync is not null) options.NightlySync = nightlySync;
        if (overdueScan is not null) options.OverdueScan = overdueScan;
        return new SchedulesOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
    }

    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.Empty(Failures());
    }

    [Theory]
    [InlineData("0 */15 * * * *")]
    [InlineData("0 0 2 * * *")]
    [InlineData("0 30 4 * * 1-5")]
    [InlineData("30 5 */2 1 1,4,7,10 *")]
    public void AcceptsSixFieldExpressions(string schedule)
    {
        Assert.Empty(Failures(nightlySync: schedule, overdueScan: schedule));
    }

    [Theory]
    [InlineData("0 0 25 * * *", "Hour")]
    [InlineData("0 61 2 * * *", "Minute")]
    [InlineData("60 0 2 * * *", "Second")]
    [InlineData("0 0 2 32 * *", "Day")]
    public void NamesTheKeyAndTheFieldOutOfRange(string schedule, string field)
    {
        var failure = Assert.Single(Failures(nightlySync: schedule));

        Assert.Contains("Schedules__NightlySync", failure);
        Assert.Contains(schedule, failure);
        Assert.Contains(field, failure);
    }

    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("30 4 * * 1-5")]
    public void RefusesFiveFieldExpressions(string schedule)
    {
        var failure = Assert.Single(Failures(overdueScan: schedule));

        Assert.Contains("Schedules__OverdueScan", failure);
        Assert.Contains("six fields", failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("every night")]
    [InlineData("0 0 2 * * * *")]
    public void RefusesWhatIsNoScheduleAtAll(string schedule)
    {
        Assert.Contains("Schedules__NightlySync", Assert.Single(Failures(nightlySync: schedule)));
    }

    [Fact]
    public void ReportsBothKeysWhenBothAreWrong()
    {
        var failures = Failures(nightlySync: "0 0 25 * * *", overdueScan: "0 61 2 * * *");

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("Schedules__NightlySync", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Schedules__OverdueScan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0 0 6 * * 8", null)]
    [InlineData("0 0 6 * * 1-", null)]
    [InlineData("0 6 * * 1", "six fields")]
    public void TheStatusReportScheduleIsCheckedLikeTheOthers(string schedule, string? said)
    {
        var failure = Assert.Single(new SchedulesOptionsValidator().Validate(null, new SchedulesOptions { StatusReport = schedule }).Failures!);

        Assert.Contains("Schedules__StatusReport", failure, StringComparison.Ordinal);
        if (said is not null) Assert.Contains(said, failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheStatusReportRunsOnMondayMorningByDefault() =>
        Assert.Equal("0 0 6 * * 1", new SchedulesOptions().StatusReport);
}
