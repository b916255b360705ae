using Integration.Core.PlanItems;

namespace Integration.Functions.Tests.PlanItems;

public class PlanItemStatusMapTests
{
    [Theory]
    [InlineData("Ej påbörjad / Not started", PlanItemStatus.NotStarted)]
    [InlineData("pågår", PlanItemStatus.InProgress)]
    [InlineData("  Klar / Done ", PlanItemStatus.Done)]
    [InlineData("Cancelled", PlanItemStatus.Cancelled)]
    public void AcceptsTheBilingualChoiceValues(string text, PlanItemStatus expected)
    {
        Assert.True(new PlanItemStatusMap(new PlanItemStatusOptions()).TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("Väntar")]
    [InlineData("")]
    [InlineData(null)]
    public void RefusesOtherValues(string? text)
    {
        Assert.False(new PlanItemStatusMap(new PlanItemStatusOptions()).TryParse(text, out _));
    }

    [Fact]
    public void UsesConfiguredValues()
    {
        var map = new PlanItemStatusMap(new PlanItemStatusOptions { Done = "Avslutad;Färdig" });

        Assert.True(map.TryParse("Färdig", out var status));
        Assert.Equal(PlanItemStatus.Done, status);
        Assert.False(map.TryParse("Klar / Done", out _));
    }
}
