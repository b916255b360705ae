using System.Text.Json;
using Integration.Cli.Report;
using Integration.Core.Reports;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Reports;

/// <summary><c>report</c> as an operator runs it, against what two real nights stored in Azurite.</summary>
public class ReportCommandTests(AzuriteFixture azurite) : ReportTest(azurite)
{
    [SkippableFact]
    public async Task ReportWritesThePdfAndEndsWithOneJsonLine()
    {
        Skip.If(PdfTools.MissingReason is not null, PdfTools.MissingReason);
        await TwoNightsAsync();
        var pdf = TempPdf("out/week.pdf");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await ReportCommand.RunAsync(Harness.Configuration, "2026-W49", pdf, json: true, stdout, stderr, CancellationToken.None);

        Assert.Equal(0, exit);
        var last = stdout.ToString().TrimEnd().Split('\n')[^1];
        using var json = JsonDocument.Parse(last);
        var root = json.RootElement;
        Assert.Equal(("2026-W49", "Lägesrapport 2026-v49.pdf", pdf), (root.GetProperty("week").GetString(), root.GetProperty("fileName").GetString(), root.GetProperty("file").GetString()));
        Assert.Equal(new FileInfo(pdf).Length, root.GetProperty("bytes").GetInt64());
        Assert.Equal("2026-12-04", root.GetProperty("figuresDay").GetString());
        var headline = root.GetProperty("headline");
        Assert.Equal((1, 2, 2, 1), (headline.GetProperty("goalsMet").GetInt32(), headline.GetProperty("goalsTotal").GetInt32(), headline.GetProperty("overdue").GetInt32(), headline.GetProperty("overdueLastWeek").GetInt32()));
        Assert.Equal(350000, headline.GetProperty("agreementsValueThisYear").GetDouble());
        Assert.Contains("lägesrapport vecka 49, 2026", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWeekThatCannotBeReadExitsTwoAndWritesNothing()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await ReportCommand.RunAsync(Harness.Configuration, "2026-W54", TempPdf("x.pdf"), json: true, stdout, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("2026-W54", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    [Theory]
    [InlineData("2026-12-07", "2026-W49")] // Monday morning: the week just ended
    [InlineData("2026-12-13", "2026-W49")] // later in the week: still the last whole week
    [InlineData("2027-01-04", "2026-W53")] // 2026 has 53 ISO weeks
    public void TheDefaultWeekIsTheLastWholeWeek(string today, string week) =>
        Assert.Equal(week, ReportWeek.Default(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Theory]
    [InlineData("2026-W49", 2026, 49)]
    [InlineData("2026w49", 2026, 49)]
    [InlineData("2026-v09", 2026, 9)]
    [InlineData("2026-W53", 2026, 53)]
    public void AWeekIsReadInItsUsualForms(string text, int year, int number)
    {
        Assert.True(ReportWeek.TryParse(text, out var week));
        Assert.Equal(new ReportWeek(year, number), week);
    }

    [Theory]
    [InlineData("2027-W53")]
    [InlineData("2026-W0")]
    [InlineData("49")]
    [InlineData("2026-12-07")]
    public void AWeekThatIsNotOneIsRefused(string text) => Assert.False(ReportWeek.TryParse(text, out _));

    [Fact]
    public void TheFileNameAndTitleAreSwedish()
    {
        Assert.Equal("Lägesrapport 2026-v49.pdf", Week49.FileName);
        Assert.Equal("Handlingsplanen för arbetsintegrerande sociala företag – lägesrapport vecka 49, 2026", ReportTexts.Title(Week49));
        Assert.Equal("Vecka 49: 30 november – 6 december 2026", ReportTexts.Period(Week49));
    }
}
