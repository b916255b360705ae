using Integration.Core.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Functions.Tests.Calendar;

/// <summary>The network's day is Stockholm's, summer and winter, whatever the UTC date says.</summary>
public class NetworkCalendarTests
{
    private static NetworkCalendar At(DateTimeOffset utc, string zone = "Europe/Stockholm") =>
        new(Options.Create(new NetworkCalendarOptions { TimeZone = zone }), new FakeTimeProvider(utc));

    public class TheTodayMethod
    {
        [Fact]
        public void IsTomorrowAtHalfPastMidnightInAWinterNightWhileUtcIsStillToday() =>
            Assert.Equal(new DateOnly(2026, 12, 8), At(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero)).Today());

        [Fact]
        public void TurnsTwoHoursBeforeUtcInSummer()
        {
            Assert.Equal(new DateOnly(2026, 6, 15), At(new DateTimeOffset(2026, 6, 14, 22, 0, 0, TimeSpan.Zero)).Today());
            Assert.Equal(new DateOnly(2026, 6, 14), At(new DateTimeOffset(2026, 6, 14, 21, 59, 59, TimeSpan.Zero)).Today());
        }

        [Fact]
        public void FollowsTheConfiguredZone() =>
            Assert.Equal(new DateOnly(2026, 12, 7), At(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero), "America/New_York").Today());
    }

    public class TheDateOfMethod
    {
        [Fact]
        public void ReadsAnInstantAsTheNetworksDate() =>
            Assert.Equal(new DateOnly(2021, 3, 15), At(DateTimeOffset.UnixEpoch).DateOf(new DateTimeOffset(2021, 3, 14, 23, 0, 0, TimeSpan.Zero)));
    }

    public class TheValidator
    {
        [Fact]
        public void NamesTheKeyOfAnUnknownZone()
        {
            using var provider = new ServiceCollection().AddNetworkCalendar(new ConfigurationBuilder().Build()).BuildServiceProvider();

            var result = provider.GetServices<IValidateOptions<NetworkCalendarOptions>>().Single().Validate(null, new NetworkCalendarOptions { TimeZone = "Europe/Stockhlm" });

            Assert.True(result.Failed);
            Assert.Contains("Overdue__TimeZone 'Europe/Stockhlm' is not a known time zone", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
