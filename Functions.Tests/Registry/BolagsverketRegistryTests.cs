using Integration.Core.Enterprises;
using Integration.Core.Http;
using Integration.Core.Registry;
using Integration.Emulators.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Functions.Tests.Registry;

/// <summary>
/// Our Bolagsverket adapter, wired by <c>AddEnterpriseRegistry</c> with its token client, token cache, resilience
/// handler and pacing, over HTTP against the Bolagsverket stand-in. The clock is fake and shared with the
/// stand-in: token expiry, Retry-After and the pacing all wait on it, and the tests move it.
/// </summary>
public sealed class BolagsverketRegistryTests : IAsyncLifetime
{
    private const string ClientId = "natverket-registry";
    private const string Secret = "registry-secret-value";

    private static readonly OrganisationNumber Active = OrganisationNumber.Parse("559000-0005");
    private static readonly OrganisationNumber Unknown = OrganisationNumber.Parse("556036-0793");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private BolagsverketStandIn _standIn = null!;
    private ServiceProvider _services = null!;

    private IEnterpriseRegistry Registry => _services.GetRequiredService<IEnterpriseRegistry>();

    public Task InitializeAsync() => StartAsync(new BolagsverketStandInOptions());

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _standIn.DisposeAsync();
    }

    private async Task StartAsync(BolagsverketStandInOptions options, string secret = Secret)
    {
        _standIn = await BolagsverketStandIn.StartAsync(ClientId, Secret, new BolagsverketStandInOptions
        {
            Clock = _clock,
            TokenLifetime = options.TokenLifetime,
            RequestsPerMinute = options.RequestsPerMinute,
        });
        _standIn.Add(new RegisteredCompany(Active.ToString(), "Gröna Händer Arbetsintegrerande AB")
        {
            OtherNames = [("Gröna Händer Café", "SARSKILT_FORETAGSNAMN")],
            RegisteredOn = new DateOnly(2015, 4, 1),
            Sni = [("88990", "Övriga öppna sociala insatser"), ("56100", "Restaurangverksamhet")],
        });

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:BaseUrl"] = _standIn.BaseUrl.ToString(),
            ["Registry:TokenUrl"] = _standIn.TokenUrl.ToString(),
            ["Registry:ClientId"] = ClientId,
            ["Registry:ClientSecret"] = secret,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_clock);
        services.AddOutboundHttp();
        services.AddEnterpriseRegistry(configuration);
        // Exponential back-off would wait on the fake clock; Retry-After is still honoured.
        services.ConfigureAll<HttpStandardResilienceOptions>(o => o.Retry.Delay = TimeSpan.Zero);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private async Task RestartAsync(BolagsverketStandInOptions options, string secret = Secret)
    {
        await DisposeAsync();
        await StartAsync(options, secret);
    }

    /// <summary>
    /// Awaits <paramref name="work"/> while moving the clock, so pacing and Retry-After waits come to an end.
    /// A quarter second a step, 20 ms apart: a request under way on a busy machine sees its 30 s attempt
    /// timeout come no sooner than 2.4 s of real time.
    /// </summary>
    private async Task<T> TickingAsync<T>(Task<T> work)
    {
        while (!work.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(work, Task.Delay(20));
        }

        return await work;
    }

    private Task<RegistryAnswer> LookupAsync(OrganisationNumber number) => TickingAsync(Registry.LookupAsync(number, CancellationToken.None));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task A_registered_organisation_is_read_with_its_name_form_dates_and_industry()
    {
        var answer = await LookupAsync(Active);

        Assert.True(answer.Found);
        Assert.True(answer.IsComplete);
        Assert.Empty(answer.FieldErrors);
        var organisation = answer.Organisation!;
        Assert.Equal("Gröna Händer Arbetsintegrerande AB", organisation.Name);
        Assert.Equal(new RegistryCode("AB", "Aktiebolag"), organisation.LegalForm);
        Assert.Equal("49", organisation.TaxLegalForm?.Code);
        Assert.Equal(new DateOnly(2015, 4, 1), organisation.RegisteredOn);
        Assert.Null(organisation.DeregisteredOn);
        Assert.True(organisation.IsActive);
        Assert.Equal(["88990", "56100"], organisation.IndustryCodes.Select(c => c.Code));
        Assert.Equal(RegisterStatus.Registered, organisation.Status);
    }

    [Fact]
    public async Task The_number_goes_in_the_body_as_ten_digits_with_a_request_id()
    {
        await LookupAsync(OrganisationNumber.Parse("16559000-0005"));

        var lookup = Assert.Single(_standIn.Requests.All, r => r.Path == BolagsverketStandIn.OrganisationerPath);
        Assert.Equal("5590000005", lookup.Identity);
        Assert.True(Guid.TryParse(lookup.RequestId, out _));
        Assert.Equal(["vardefulla-datamangder:read"], _standIn.RequestedScopes);
    }

    [Fact]
    public async Task Deregistration_bankruptcy_and_liquidation_are_read_as_statuses()
    {
        _standIn.Add(new RegisteredCompany("556600-0005", "Avvecklat Kafé AB")
        {
            DeregisteredOn = new DateOnly(2025, 5, 5),
            DeregistrationReason = ("LIAV", "Likvidation"),
            Active = false,
        });
        _standIn.Add(new RegisteredCompany("5561234567", "Konkursen AB") { Proceedings = [("KK", "Konkurs", new DateOnly(2026, 1, 26))] });
        _standIn.Add(new RegisteredCompany("5555555555", "Likviden AB") { Proceedings = [("LI", "Likvidation", new DateOnly(2026, 3, 2))] });

        var deregistered = (await LookupAsync(OrganisationNumber.Parse("556600-0005"))).Organisation!;
        var bankrupt = (await LookupAsync(OrganisationNumber.Parse("556123-4567"))).Organisation!;
        var liquidation = (await LookupAsync(OrganisationNumber.Parse("555555-5555"))).Organisation!;

        Assert.Equal(RegisterStatus.Deregistered, deregistered.Status);
        Assert.Equal(new DateOnly(2025, 5, 5), deregistered.DeregisteredOn);
        Assert.Equal(new RegistryCode("LIAV", "Likvidation"), deregistered.DeregistrationReason);
        Assert.False(deregistered.IsActive);
        Assert.Equal(RegisterStatus.Bankrupt, bankrupt.Status);
        Assert.Equal(new RegistryProceeding(new RegistryCode("KK", "Konkurs"), new DateOnly(2026, 1, 26)), Assert.Single(bankrupt.Proceedings));
        Assert.Equal(RegisterStatus.InLiquidation, liquidation.Status);
    }

    [Fact]
    public async Task An_unknown_number_is_an_answer_that_says_not_found()
    {
        var answer = await LookupAsync(Unknown);

        Assert.False(answer.Found);
        Assert.Null(answer.Organisation);
        Assert.Equal(Unknown, answer.Number);
        Assert.NotEmpty(answer.FieldErrors);
        Assert.All(answer.FieldErrors, e => Assert.Equal(RegistryFieldError.NotFound, e.Type));
        Assert.True(answer.IsComplete);
    }

    [Fact]
    public async Task A_public_body_only_SCB_registers_is_found_without_a_name()
    {
        _standIn.Add(new RegisteredCompany("202100-5489", "Bolagsverket") { ScbOnly = true });

        var answer = await LookupAsync(OrganisationNumber.Parse("202100-5489"));

        Assert.True(answer.Found);
        Assert.Null(answer.Organisation!.Name);
        Assert.Null(answer.Organisation.LegalForm);
        Assert.Equal("81", answer.Organisation.TaxLegalForm?.Code);
        Assert.Contains(answer.FieldErrors, e => e.Part == "organisationsnamn" && e.Type == RegistryFieldError.NotFound && e.Producer == "Bolagsverket");
    }

    [Fact]
    public async Task A_source_that_did_not_answer_leaves_its_parts_out_and_the_answer_incomplete()
    {
        _standIn.Faults.ScbUnavailable();

        var answer = await LookupAsync(Active);

        Assert.True(answer.Found);
        Assert.False(answer.IsComplete);
        Assert.Equal("Gröna Händer Arbetsintegrerande AB", answer.Organisation!.Name);
        Assert.Null(answer.Organisation.IsActive);
        Assert.Empty(answer.Organisation.IndustryCodes);
        Assert.All(answer.FieldErrors, e => Assert.Equal(("SCB", RegistryFieldError.SourceUnavailable), (e.Producer, e.Type)));
    }

    [Fact]
    public async Task A_refused_request_is_a_clear_non_transient_error_with_the_problem_document_and_no_retry()
    {
        _standIn.Faults.Problem(400, "urn:bolagsverket:error:validation", "validation.client", "Bad Request", "Identitetsbeteckning 5590000005 har ogiltig kontrollsiffra.");

        var error = await Assert.ThrowsAsync<RegistryException>(() => LookupAsync(Active));

        Assert.False(error.IsTransient);
        Assert.Equal(("urn:bolagsverket:error:validation", "validation.client", 400), (error.Problem?.Type, error.Problem?.Instance, error.Problem?.Status));
        Assert.Contains("refused the request (HTTP 400; urn:bolagsverket:error:validation, validation.client, Bad Request; requestId ", error.Message, StringComparison.Ordinal);
        // The register's detail may repeat the number; it stays with the problem, out of the message.
        Assert.DoesNotContain("5590000005", error.Message, StringComparison.Ordinal);
        Assert.Contains("5590000005", error.Problem?.Detail, StringComparison.Ordinal);
        Assert.Equal(1, _standIn.Requests.Lookups);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        _standIn.Faults.TooManyRequests(retryAfter: TimeSpan.FromSeconds(5));

        var start = _clock.GetUtcNow();
        var answer = await LookupAsync(Active);

        Assert.True(answer.Found);
        Assert.Equal([429, 200], _standIn.Requests.All.Where(r => r.Path == BolagsverketStandIn.OrganisationerPath).Select(r => r.Status));
        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromSeconds(5), "the retry waited for Retry-After");
    }

    [Fact]
    public async Task A_registry_failing_past_the_retries_is_a_transient_error()
    {
        _standIn.Faults.ServerError(count: 10);

        var error = await Assert.ThrowsAsync<RegistryException>(() => LookupAsync(Active));

        Assert.True(error.IsTransient);
        Assert.Contains("HTTP 500 after the retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(1 + OutboundHttp.MaxRetryAttempts, _standIn.Requests.Lookups);
    }

    [Fact]
    public async Task One_token_serves_many_lookups()
    {
        await LookupAsync(Active);
        await LookupAsync(Unknown);
        await LookupAsync(Active);

        Assert.Equal(1, _standIn.Requests.TokenRequests);
        Assert.Equal(3, _standIn.Requests.Lookups);
    }

    [Fact]
    public async Task A_token_is_fetched_anew_a_minute_before_it_expires()
    {
        await RestartAsync(new BolagsverketStandInOptions { TokenLifetime = TimeSpan.FromMinutes(10) });

        await LookupAsync(Active);
        _clock.Advance(TimeSpan.FromMinutes(8));
        await LookupAsync(Active);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await LookupAsync(Active);

        Assert.Equal(2, _standIn.Requests.TokenRequests);
        Assert.All(_standIn.Requests.All, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task A_refused_token_is_replaced_once_and_the_lookup_goes_through()
    {
        await LookupAsync(Active);
        _standIn.RevokeTokens();

        var answer = await LookupAsync(Active);

        Assert.True(answer.Found);
        Assert.Equal(2, _standIn.Requests.TokenRequests);
        Assert.Equal([200, 401, 200], _standIn.Requests.All.Where(r => r.Path == BolagsverketStandIn.OrganisationerPath).Select(r => r.Status));
    }

    [Fact]
    public async Task Wrong_client_credentials_are_a_non_transient_error_naming_the_settings_and_never_the_secret()
    {
        await RestartAsync(new BolagsverketStandInOptions(), secret: "not-the-secret");

        var error = await Assert.ThrowsAsync<RegistryException>(() => LookupAsync(Active));

        Assert.False(error.IsTransient);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Contains("Registry__ClientSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _standIn.Requests.Lookups);
    }

    [Fact]
    public async Task Lookups_wait_their_turn_one_a_second()
    {
        await LookupAsync(Active);
        _clock.Advance(TimeSpan.FromSeconds(1));

        var lookups = Enumerable.Range(0, 3).Select(_ => Registry.LookupAsync(Active, CancellationToken.None)).ToList();
        await WaitUntilAsync(() => _standIn.Requests.Lookups == 2);
        await Task.Delay(200);
        Assert.Equal(2, _standIn.Requests.Lookups);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => _standIn.Requests.Lookups == 3);
        await Task.Delay(200);
        Assert.Equal(3, _standIn.Requests.Lookups);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(lookups);
        Assert.Equal(4, _standIn.Requests.Lookups);
    }

    [Fact]
    public async Task A_night_of_lookups_stays_within_the_registrys_limit_of_60_a_minute()
    {
        await RestartAsync(new BolagsverketStandInOptions { RequestsPerMinute = 60 });

        var start = _clock.GetUtcNow();
        var work = Task.WhenAll(Enumerable.Range(0, 70).Select(_ => Registry.LookupAsync(Active, CancellationToken.None)));
        while (!work.IsCompleted)
        {
            // A second at a time, each once the lookup it let through is answered, so no attempt times out on a busy machine.
            var answered = _standIn.Requests.Lookups;
            _clock.Advance(TimeSpan.FromSeconds(1));
            for (var i = 0; i < 400 && _standIn.Requests.Lookups == answered && !work.IsCompleted; i++) await Task.Delay(5);
        }

        var answers = await work;

        Assert.All(answers, a => Assert.True(a.Found));
        Assert.Equal(70, _standIn.Requests.Lookups);
        Assert.DoesNotContain(_standIn.Requests.All, r => r.Status == 429);
        Assert.True(_clock.GetUtcNow() - start >= TimeSpan.FromSeconds(69));
    }
}
