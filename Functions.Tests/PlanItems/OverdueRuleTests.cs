using Integration.Core.PlanItems;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Functions.Tests.PlanItems;

public class OverdueRuleTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private readonly OverdueRule _rule = new(Stockholm, dueSoonDays: 7);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }

    public class TheTodayMethod : OverdueRuleTests
    {
        [Theory]
        // An ordinary night in winter (UTC+1): at 00:30 local, UTC is still the day before.
        [InlineData(2026, 11, 27, 23, 30, "2026-11-27")]
        [InlineData(2026, 11, 28, 0, 30, "2026-11-28")]
        // Summer (UTC+2).
        [InlineData(2026, 6, 14, 23, 30, "2026-06-14")]
        [InlineData(2026, 6, 15, 0, 30, "2026-06-15")]
        // Spring forward: 29 March 2026, clocks jump 02:00 -> 03:00.
        [InlineData(2026, 3, 28, 23, 30, "2026-03-28")]
        [InlineData(2026, 3, 29, 0, 30, "2026-03-29")]
        [InlineData(2026, 3, 29, 23, 30, "2026-03-29")]
        [InlineData(2026, 3, 30, 0, 30, "2026-03-30")]
        // Fall back: 25 October 2026, clocks go 03:00 -> 02:00.
        [InlineData(2026, 10, 24, 23, 30, "2026-10-24")]
        [InlineData(2026, 10, 25, 0, 30, "2026-10-25")]
        [InlineData(2026, 10, 25, 23, 30, "2026-10-25")]
        [InlineData(2026, 10, 26, 0, 30, "2026-10-26")]
        public void IsTheCalendarDateInStockholm(int y, int m, int d, int h, int min, string expected)
        {
            var clock = new FakeTimeProvider(Local(y, m, d, h, min));

            Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _rule.Today(clock.GetUtcNow()));
        }
    }

    public class TheEvaluateMethod : OverdueRuleTests
    {
        private static readonly DateOnly Today = new(2026, 11, 27);

        [Theory]
        [InlineData(-1, PlanItemStatus.InProgress, OverdueState.Overdue)]
        [InlineData(-30, PlanItemStatus.NotStarted, OverdueState.Overdue)]
        [InlineData(0, PlanItemStatus.InProgress, OverdueState.DueSoon)]
        [InlineData(7, PlanItemStatus.NotStarted, OverdueState.DueSoon)]
        [InlineData(8, PlanItemStatus.NotStarted, OverdueState.None)]
        [InlineData(-5, PlanItemStatus.Done, OverdueState.None)]
        [InlineData(-5, PlanItemStatus.Cancelled, OverdueState.None)]
        [InlineData(2, PlanItemStatus.Done, OverdueState.None)]
        public void FlagsOpenItemsByDueDate(int dueInDays, PlanItemStatus status, OverdueState expected)
        {
            Assert.Equal(expected, _rule.Evaluate(Today.AddDays(dueInDays), status, Today));
        }

        [Fact]
        public void TurnsOverdueAtLocalMidnightNotUtcMidnight()
        {
            var due = new DateOnly(2026, 11, 27);
            var beforeMidnight = _rule.Today(Local(2026, 11, 27, 23, 30));
            var afterMidnight = _rule.Today(Local(2026, 11, 28, 0, 30));

            Assert.Equal(OverdueState.DueSoon, _rule.Evaluate(due, PlanItemStatus.InProgress, beforeMidnight));
            Assert.Equal(OverdueState.Overdue, _rule.Evaluate(due, PlanItemStatus.InProgress, afterMidnight));
        }
    }
}
