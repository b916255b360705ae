using Integration.Core.Notifications;
using Integration.Core.Queues;

namespace Integration.Functions.Tests.Notifications;

/// <summary>Unit tests of one person's notification text: the steps' words, the order, the limits Teams shows, and the link.</summary>
public class PersonalNoticeTests
{
    private static readonly Uri Link = new("https://stockholm.sharepoint.com/sites/n/Lists/H/DispForm.aspx?ID=1");

    private static NotificationMessage PlanItem(string id, string title, int daysOverdue, int? escalatedAfter = null) => new(
        id,
        daysOverdue > 0 ? NotificationEvents.PlanItemOverdue : NotificationEvents.PlanItemDueSoon,
        "PlanItems",
        id,
        title,
        "12",
        [],
        null,
        DateTimeOffset.UnixEpoch,
        new PlanItemNotice(new DateOnly(2026, 11, 27).AddDays(-daysOverdue), daysOverdue, null, null, escalatedAfter));

    [Fact]
    public void TheThreeStepsReadInSwedish()
    {
        Assert.Equal("Förfaller i dag: A", PersonalNotice.Line(PlanItem("1", "A", 0)));
        Assert.Equal("Förfaller om 1 dag: A", PersonalNotice.Line(PlanItem("1", "A", -1)));
        Assert.Equal("Försenad 2 dagar: A", PersonalNotice.Line(PlanItem("1", "A", 2)));
        Assert.Equal("Eskalerad, försenad 15 dagar: A", PersonalNotice.Line(PlanItem("1", "A", 15, escalatedAfter: 14)));
    }

    [Fact]
    public void TheMostUrgentComeFirstAndTheClickOpensTheFirstThatHasALink()
    {
        var second = new Uri("https://stockholm.sharepoint.com/sites/n/Lists/H/DispForm.aspx?ID=2");
        var notice = PersonalNotice.Build([(PlanItem("soon", "Snart", -2), Link), (PlanItem("late", "Sen", 3), null), (PlanItem("esc", "Eskalerad", 20, 14), second)])!;

        Assert.Equal(["esc", "late", "soon"], notice.EventIds);
        Assert.Equal(second, notice.WebUrl);
        Assert.Equal("3 aktiviteter i handlingsplanen behöver din uppmärksamhet", notice.Reason);
        Assert.Equal("Eskalerad, försenad 20 dagar: Eskalerad · Försenad 3 dagar: Sen · Förfaller om 2 dagar: Snart", notice.Preview);
    }

    [Fact]
    public void LongTextIsCutToWhatTeamsShows()
    {
        var notice = PersonalNotice.Build([(PlanItem("1", new string('å', 400), 3), Link), (PlanItem("2", "B", 1), Link)])!;
        var single = PersonalNotice.Build([(PlanItem("1", new string('å', 400), 3), Link)])!;

        Assert.Equal(PersonalNotice.MaxPreviewLength, notice.Preview.Length);
        Assert.EndsWith("…", notice.Preview, StringComparison.Ordinal);
        Assert.Equal(PersonalNotice.MaxReasonLength, single.Reason.Length);
    }

    [Fact]
    public void WithoutAnyLinkThereIsNoNotice() =>
        Assert.Null(PersonalNotice.Build([(PlanItem("1", "A", 3), null)]));
}
