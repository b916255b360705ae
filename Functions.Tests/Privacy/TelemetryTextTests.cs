using Integration.Core.Privacy;

namespace Integration.Functions.Tests.Privacy;

public class TelemetryTextTests
{
    [Theory]
    [InlineData("https://prod-12.swedencentral.logic.azure.com:443/workflows/4f/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abc", "https://prod-12.swedencentral.logic.azure.com:443/workflows/4f/triggers/manual/paths/invoke")]
    [InlineData("POST /workflows/4f/triggers/manual/paths/invoke?sig=abc", "POST /workflows/4f/triggers/manual/paths/invoke")]
    [InlineData("https://graph.microsoft.com/v1.0/users/anna.lindqvist@natverket.example/teamwork/sendActivityNotification", "https://graph.microsoft.com/v1.0/users/a***@natverket.example/teamwork/sendActivityNotification")]
    [InlineData("POST /v1.0/users/omar.haddad%40natverket.example/teamwork/sendActivityNotification", "POST /v1.0/users/o***@natverket.example/teamwork/sendActivityNotification")]
    [InlineData("https://stad.sharepoint.com/_layouts/15/download.aspx?UniqueId=5f&tempauth=eyJ0", "https://stad.sharepoint.com/_layouts/15/download.aspx")]
    [InlineData("https://stad.sharepoint.com/sites/natverket/page#anna@natverket.example", "https://stad.sharepoint.com/sites/natverket/page")]
    [InlineData("graph.microsoft.com", "graph.microsoft.com")]
    [InlineData("GET /v1.0/sites/stad.sharepoint.com,1,2/lists/3/items/delta()", "GET /v1.0/sites/stad.sharepoint.com,1,2/lists/3/items/delta()")]
    public void KeepsThePathAndDropsQueriesAndAddresses(string text, string expected) => Assert.Equal(expected, TelemetryText.Scrub(text));

    [Fact]
    public void NothingStaysNothing()
    {
        Assert.Null(TelemetryText.Scrub(null));
        Assert.Equal("", TelemetryText.Scrub(""));
    }
}
