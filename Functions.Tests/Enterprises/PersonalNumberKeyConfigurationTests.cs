using Integration.Core.Enterprises;
using Integration.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>
/// <c>Enterprises__PersonalNumberKey</c>: required with sole traders allowed, but for development
/// storage, where a public local key stands in; a bad one names the key.
/// </summary>
public class PersonalNumberKeyConfigurationTests
{
    private const string Azure = "DefaultEndpointsProtocol=https;AccountName=stnetwork;AccountKey=a2V5;EndpointSuffix=core.windows.net";
    private const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:23002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:23001/devstoreaccount1;";

    /// <summary>What the options' validation, which runs at start-up, says; empty when nothing is wrong.</summary>
    private static string Failures(string storage, bool allow, string? key)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Enterprises:AllowPersonalIdentityNumbers"] = allow ? "true" : "false",
            ["Enterprises:PersonalNumberKey"] = key,
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddIntegration(configuration).BuildServiceProvider();
        var error = Record.Exception(() => services.GetRequiredService<IOptions<EnterprisesOptions>>().Value);
        return error is OptionsValidationException e ? string.Join("\n", e.Failures) : error?.ToString() ?? "";
    }

    [Theory]
    [InlineData(Azure, null)]
    [InlineData(Azure, "")]
    [InlineData(Azure, NumberKeying.LocalKey)]
    [InlineData(Azure, "@Microsoft.KeyVault(VaultName=kv;SecretName=enterprises-personal-number-key)")]
    [InlineData(Azure, "short-key")]
    [InlineData("UseDevelopmentStorage=true", "short-key")]
    public void A_missing_public_unresolved_or_short_key_stops_start_up_naming_it(string storage, string? key)
    {
        Assert.Contains("Enterprises__PersonalNumberKey", Failures(storage, allow: true, key), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", null)]
    [InlineData(Azurite, null)]
    [InlineData(Azure, "Q7bnM2kx9TzpR4wd")]
    public void Development_storage_may_use_the_local_key_and_azure_needs_its_own(string storage, string? key)
    {
        Assert.Equal("", Failures(storage, allow: true, key));
    }

    [Fact]
    public void Without_sole_traders_no_key_is_needed()
    {
        Assert.Equal("", Failures(Azure, allow: false, "@Microsoft.KeyVault(VaultName=kv;SecretName=enterprises-personal-number-key)"));
    }

    [Fact]
    public void Keys_and_their_ids_differ_by_key_and_none_is_made_for_a_refused_number()
    {
        var number = Number("811218-9876");
        var one = new NumberKeying(new EnterprisesOptions { AllowPersonalIdentityNumbers = true, PersonalNumberKey = "Q7bnM2kx9TzpR4wd" });
        var other = new NumberKeying(new EnterprisesOptions { AllowPersonalIdentityNumbers = true, PersonalNumberKey = "Zr8vLq3mW6yhT1cs" });
        var refused = new NumberKeying(new EnterprisesOptions { AllowPersonalIdentityNumbers = false, PersonalNumberKey = "Q7bnM2kx9TzpR4wd" });

        Assert.NotEqual(one.KeyOf(number), other.KeyOf(number));
        Assert.NotEqual(one.Id, other.Id);
        Assert.DoesNotContain("Q7bnM2kx9TzpR4wd", one.Id, StringComparison.Ordinal);
        Assert.Null(refused.KeyOf(number));
        Assert.Equal("O5599000014", refused.KeyOf(Number("559900-0014")));
    }

    private static EnterpriseNumber Number(string value) =>
        EnterpriseNumber.TryParse(value, new DateOnly(2026, 11, 27), out var number, out _) ? number : throw new FormatException(value);
}
