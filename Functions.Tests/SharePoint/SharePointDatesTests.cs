using Integration.Core.SharePoint;

namespace Integration.Functions.Tests.SharePoint;

public class SharePointDatesTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    [Theory]
    [InlineData("2021-03-14T23:00:00Z", "2021-03-15")] // local midnight in winter, as SharePoint stores it
    [InlineData("2021-06-14T22:00:00Z", "2021-06-15")] // local midnight in summer
    [InlineData("2021-03-15T00:00:00Z", "2021-03-15")] // written without an offset: UTC midnight
    [InlineData("2021-03-28T22:00:00Z", "2021-03-29")] // the day after spring forward
    [InlineData("2021-10-30T22:00:00Z", "2021-10-31")] // fall-back day itself starts at UTC+2
    [InlineData("2021-03-15", "2021-03-15")]
    [InlineData("2021-03-14T23:00:00.0000000Z", "2021-03-15")]
    [InlineData("2021-03-15T00:00:00+01:00", "2021-03-15")]
    [InlineData("2021-03-15T00:00:00", "2021-03-15")] // no offset: read as UTC, as SharePoint means it
    public void TurnsTheStoredInstantBackIntoTheCalendarDate(string raw, string expected)
    {
        Assert.True(SharePointDates.TryParseCalendarDate(raw, Stockholm, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("snart")]
    [InlineData("2021-13-45")]
    [InlineData("10/12/2026")] // 10 December or 12 October: ambiguous, never guessed
    [InlineData("12/10/2026")]
    [InlineData("10.12.2026")]
    [InlineData("2026/12/10")]
    [InlineData("10 december 2026")]
    [InlineData("Dec 10, 2026")]
    [InlineData("20261210")]
    public void RefusesWhatIsNotADate(string? raw)
    {
        Assert.False(SharePointDates.TryParseCalendarDate(raw, Stockholm, out _));
    }

    [Theory]
    [InlineData("2021-03-15", "2021-03-14T23:00:00Z")]
    [InlineData("2021-06-15", "2021-06-14T22:00:00Z")]
    public void WritesWhatSharePointWouldStore(string date, string expected)
    {
        Assert.Equal(expected, SharePointDates.ToSharePointValue(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Stockholm));
    }
}
