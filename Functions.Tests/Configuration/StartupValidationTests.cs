using Integration.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Integration.Functions.Tests.Configuration;

/// <summary>A bad configuration stops start-up with a message that names the setting.</summary>
public class StartupValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["SharePoint:GraphBaseUrl"] = "http://127.0.0.1:5999/v1.0",
        ["SharePoint:Auth"] = "None",
        ["SharePoint:SiteId"] = "contoso.sharepoint.com,1,2",
        ["SharePoint:Lists:PlanItems"] = "Handlingsplan",
    };

    private static async Task<string> StartupErrorAsync(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in changes) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var exception = await Record.ExceptionAsync(async () =>
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddIntegration(configuration);
            using var host = builder.Build();
            await host.StartAsync();
            await host.StopAsync();
        });

        return exception switch
        {
            null => "",
            OptionsValidationException e => string.Join("\n", e.Failures),
            AggregateException e => string.Join("\n", e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(x => x.Failures)),
            _ when Core.Configuration.ConfigurationErrors.TryDescribe(exception, out var conversion) => conversion,
            _ => throw new Xunit.Sdk.XunitException("Unexpected exception: " + exception),
        };
    }

    [Fact]
    public async Task StartsWithAValidConfiguration()
    {
        Assert.Equal("", await StartupErrorAsync());
    }

    [Fact]
    public async Task RefusesAuthNoneAgainstTheRealGraph()
    {
        var error = await StartupErrorAsync(("SharePoint:GraphBaseUrl", "https://graph.microsoft.com/v1.0"));

        Assert.Contains("SharePoint__Auth=None", error);
        Assert.Contains("SharePoint__GraphBaseUrl", error);
    }

    [Fact]
    public async Task NamesAMissingSiteId()
    {
        Assert.Contains("SharePoint__SiteId", await StartupErrorAsync(("SharePoint:SiteId", null)));
    }

    [Fact]
    public async Task NamesARetentionPeriodBelowOneDay()
    {
        Assert.Equal("Retention__Days must be between 1 and 36500; got 0.", await StartupErrorAsync(("Retention:Days", "0")));
    }

    [Fact]
    public async Task NamesAnUnknownTimeZone()
    {
        Assert.Contains("Overdue__TimeZone", await StartupErrorAsync(("Overdue:TimeZone", "Mars/Olympus")));
    }

    [Fact]
    public async Task NamesTheSecretsClientSecretAuthNeeds()
    {
        var error = await StartupErrorAsync(("SharePoint:Auth", "ClientSecret"), ("SharePoint:GraphBaseUrl", "https://graph.microsoft.com/v1.0"));

        Assert.Contains("SharePoint__TenantId", error);
        Assert.Contains("SharePoint__ClientSecret", error);
    }

    [Fact]
    public async Task NamesAFiveFieldSchedule()
    {
        Assert.Contains("Schedules__NightlySync", await StartupErrorAsync(("Schedules:NightlySync", "0 2 * * *")));
    }

    [Fact]
    public async Task NamesAScheduleTheHostWouldReject()
    {
        var error = await StartupErrorAsync(("Schedules:OverdueScan", "0 0 25 * * *"));

        Assert.Contains("Schedules__OverdueScan", error);
        Assert.Contains("Hour", error);
    }

    [Fact]
    public async Task NamesAStatusValueUsedTwice()
    {
        Assert.Contains("SharePoint__PlanItemStatuses__Done", await StartupErrorAsync(("SharePoint:PlanItemStatuses:Done", "Klar;Pågår")));
    }

    [Fact]
    public async Task NamesAnAgreementTypeValueUsedTwice()
    {
        Assert.Contains("SharePoint__AgreementTypes__Other", await StartupErrorAsync(("SharePoint:AgreementTypes:Other", "Övrigt;IOP")));
    }

    [Theory]
    [InlineData("Måndag")]
    [InlineData("1")]
    public async Task NamesAProblemReminderDayThatIsNoDay(string day)
    {
        Assert.Contains($"Teams__ProblemReminderDay must name a day of the week in English (Monday … Sunday); got '{day}'.", await StartupErrorAsync(("Teams:ProblemReminderDay", day)));
    }

    [Fact]
    public async Task NamesMissingStorage()
    {
        Assert.Contains("AzureWebJobsStorage", await StartupErrorAsync(("AzureWebJobsStorage", null)));
    }

    [Theory]
    [InlineData("SharePoint:PageSize", "abc", "SharePoint__PageSize='abc' cannot be read: it must be a whole number.")]
    [InlineData("SharePoint:Auth", "Anonymous", "SharePoint__Auth='Anonymous' cannot be read: it must be one of ManagedIdentity, ClientSecret, None.")]
    [InlineData("Overdue:DueSoonDays", "sju", "Overdue__DueSoonDays='sju' cannot be read: it must be a whole number.")]
    public async Task NamesASettingThatCannotBeConvertedAndWhatItAccepts(string key, string value, string expected)
    {
        Assert.Equal(expected, await StartupErrorAsync((key, value)));
    }

    [Theory]
    [InlineData("https://p360.stad.example/", null, "AMN 2021-0112-1.4", "CaseSystem__ApiKey is required when CaseSystem__BaseUrl is set.")]
    [InlineData("https://p360.stad.example/", "key", null, "CaseSystem__NetworkCaseNumber is required when CaseSystem__BaseUrl is set")]
    [InlineData("https://p360.stad.example/", "key", "AMN 21-112", "CaseSystem__NetworkCaseNumber: 'AMN 21-112' is not a diary number")]
    [InlineData("http://p360.stad.example/", "key", "AMN 2021-0112-1.4", "CaseSystem__BaseUrl must use https")]
    [InlineData("p360", "key", "AMN 2021-0112-1.4", "CaseSystem__BaseUrl must be an absolute http(s) URL; got 'p360'.")]
    public async Task RefusesACaseSystemThatCannotWorkNamingTheSetting(string baseUrl, string? apiKey, string? caseNumber, string expected)
    {
        var error = await StartupErrorAsync(("CaseSystem:BaseUrl", baseUrl), ("CaseSystem:ApiKey", apiKey), ("CaseSystem:NetworkCaseNumber", caseNumber));

        Assert.Contains(expected, error, StringComparison.Ordinal);
        if (apiKey is not null) Assert.DoesNotContain(apiKey + "'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AMN 2021-0112-1.4")]
    [InlineData("KS/2019/0001/0009")]
    public async Task TakesTheNetworksCaseInEitherDiaryNumberForm(string caseNumber)
    {
        Assert.Equal("", await StartupErrorAsync(("CaseSystem:BaseUrl", "https://p360.stad.example/"), ("CaseSystem:ApiKey", "key"), ("CaseSystem:NetworkCaseNumber", caseNumber)));
    }

    [Fact]
    public async Task NamesAPageCapBelowOne()
    {
        var sharePoint = await StartupErrorAsync(("SharePoint:MaxPages", "0"));
        var caseSystem = await StartupErrorAsync(
            ("CaseSystem:BaseUrl", "https://p360.stad.example/"), ("CaseSystem:ApiKey", "key"), ("CaseSystem:NetworkCaseNumber", "AMN 2021-0112-1.4"),
            ("CaseSystem:BudgetAssignments:MaxPages", "-1"));

        Assert.Equal("SharePoint__MaxPages must be 1 or more; got 0. The default is 10000.", sharePoint);
        Assert.Equal("CaseSystem__BudgetAssignments__MaxPages must be 1 or more; got -1. The default is 1000.", caseSystem);
    }

    [Theory]
    [InlineData("-1", "SharePoint__ResourceUnitsPerMinute must be 0 (no pacing) or more; got -1. The default is 1200.")]
    [InlineData("100", "SharePoint__ResourceUnitsPerMinute must be at least 120 (a few full batches of writes) when pacing is on; got 100.")]
    [InlineData("0", "")]
    [InlineData("6000", "")]
    public async Task NamesAResourceUnitBudgetPacingCannotKeep(string budget, string error)
    {
        Assert.Equal(error, await StartupErrorAsync(("SharePoint:ResourceUnitsPerMinute", budget)));
    }

    [Fact]
    public async Task NamesAResourceUnitWindowThatIsNoTimeSpan()
    {
        Assert.Equal("SharePoint__ResourceUnitWindow must be a positive time span such as 00:01:00; got 00:00:00.", await StartupErrorAsync(("SharePoint:ResourceUnitWindow", "00:00:00")));
    }
}
