using Integration.Core.Hosting;
using Integration.Core.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Integration.Functions.Tests.Registry;

/// <summary>The registry's settings: all optional, and a half-set registry stops start-up naming the key.</summary>
public class RegistryConfigurationTests
{
    private static readonly Dictionary<string, string?> Base = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
    };

    private static readonly (string, string?)[] Configured =
    [
        ("Registry:BaseUrl", "https://gw.api.bolagsverket.se/vardefulla-datamangder/v1"),
        ("Registry:TokenUrl", "https://portal.api.bolagsverket.se/oauth2/token"),
        ("Registry:ClientId", "client"),
        ("Registry:ClientSecret", "secret"),
    ];

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?>(Base);
        foreach (var (key, value) in settings) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static async Task<string> StartupErrorAsync(params (string Key, string? Value)[] settings)
    {
        var exception = await Record.ExceptionAsync(async () =>
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Services.AddIntegration(Configuration(settings));
            using var host = builder.Build();
            await host.StartAsync();
            await host.StopAsync();
        });

        return exception switch
        {
            null => "",
            OptionsValidationException e => string.Join("\n", e.Failures),
            AggregateException e => string.Join("\n", e.InnerExceptions.OfType<OptionsValidationException>().SelectMany(x => x.Failures)),
            _ => throw new Xunit.Sdk.XunitException("Unexpected exception: " + exception),
        };
    }

    [Fact]
    public void Without_a_base_url_there_is_no_registry_in_the_container()
    {
        var services = new ServiceCollection().AddIntegration(Configuration(("Registry:ClientSecret", "@Microsoft.KeyVault(VaultName=kv;SecretName=registry-client-secret)")));

        Assert.DoesNotContain(services, s => s.ServiceType == typeof(IEnterpriseRegistry));
        Assert.DoesNotContain(services, s => s.ServiceType == typeof(RegistryPacing));
    }

    [Fact]
    public void With_a_base_url_the_registry_is_the_Bolagsverket_adapter()
    {
        using var provider = new ServiceCollection().AddLogging().AddIntegration(Configuration(Configured)).BuildServiceProvider();

        Assert.IsType<Integration.Core.Registry.Bolagsverket.BolagsverketRegistry>(provider.GetRequiredService<IEnterpriseRegistry>());
        Assert.Equal(TimeSpan.FromSeconds(1), provider.GetRequiredService<RegistryPacing>().Interval);
    }

    [Fact]
    public async Task Starts_without_any_registry_setting_and_with_all_of_them()
    {
        Assert.Equal("", await StartupErrorAsync());
        Assert.Equal("", await StartupErrorAsync(Configured));
        Assert.Equal("", await StartupErrorAsync(("Registry:BaseUrl", "http://127.0.0.1:5123/vardefulla-datamangder/v1"), ("Registry:TokenUrl", "http://localhost:5123/oauth2/token"), ("Registry:ClientId", "c"), ("Registry:ClientSecret", "s")));
    }

    [Fact]
    public async Task A_base_url_without_the_rest_names_each_missing_key()
    {
        var error = await StartupErrorAsync(("Registry:BaseUrl", "https://gw.api.bolagsverket.se/vardefulla-datamangder/v1"));

        Assert.Contains("Registry__TokenUrl is required when Registry__BaseUrl is set", error, StringComparison.Ordinal);
        Assert.Contains("Registry__ClientId is required", error, StringComparison.Ordinal);
        Assert.Contains("Registry__ClientSecret is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Registry:BaseUrl", "http://gw.api.bolagsverket.se/vardefulla-datamangder/v1", "Registry__BaseUrl must use https")]
    [InlineData("Registry:TokenUrl", "http://portal.api.bolagsverket.se/oauth2/token", "Registry__TokenUrl must use https")]
    [InlineData("Registry:BaseUrl", "gw.api.bolagsverket.se", "Registry__BaseUrl must be an absolute http(s) URL")]
    [InlineData("Registry:TokenUrl", "ftp://portal.api.bolagsverket.se/oauth2/token", "Registry__TokenUrl must be an absolute http(s) URL")]
    [InlineData("Registry:RequestsPerMinute", "0", "Registry__RequestsPerMinute must be between 1 and 6000; got 0.")]
    public async Task Refuses_a_bad_value_naming_the_key(string key, string value, string expected)
    {
        var settings = Configured.Where(s => s.Item1 != key).Append((key, value)).ToArray();

        Assert.Contains(expected, await StartupErrorAsync(settings), StringComparison.Ordinal);
    }
}
