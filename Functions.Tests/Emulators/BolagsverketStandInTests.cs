using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Integration.Emulators.Registry;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The Bolagsverket stand-in over loopback with a plain HttpClient: the wire format a client must cope with.</summary>
public class BolagsverketStandInTests : IAsyncLifetime
{
    private const string ClientId = "stand-in-client";
    private const string Secret = "stand-in-secret";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private HttpClient Http { get; } = new();
    private BolagsverketStandIn _standIn = null!;

    public async Task InitializeAsync()
    {
        _standIn = await BolagsverketStandIn.StartAsync(ClientId, Secret, new BolagsverketStandInOptions { Clock = _clock, TokenLifetime = TimeSpan.FromMinutes(10), RequestsPerMinute = 3 });
        _standIn.Add(new RegisteredCompany("559000-0005", "Gröna Händer Arbetsintegrerande AB"));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await _standIn.DisposeAsync();
    }

    private async Task<HttpResponseMessage> TokenAsync(string id = ClientId, string secret = Secret, bool basic = true)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "vardefulla-datamangder:read" };
        if (!basic)
        {
            form["client_id"] = id;
            form["client_secret"] = secret;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _standIn.TokenUrl) { Content = new FormUrlEncodedContent(form) };
        if (basic) request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{id}:{secret}")));
        return await Http.SendAsync(request);
    }

    private async Task<string> AccessTokenAsync()
    {
        using var response = await TokenAsync();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> LookupAsync(string? token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_standIn.BaseUrl + "/organisationer"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(), response);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_token_endpoint_takes_the_client_in_basic_auth_or_the_form(bool basic)
    {
        using var response = await TokenAsync(basic: basic);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("vardefulla-datamangder:read", body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_wrong_secret_as_invalid_client()
    {
        using var response = await TokenAsync(secret: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_known_number_is_answered_in_the_published_shape()
    {
        var (status, body, _) = await LookupAsync(await AccessTokenAsync(), """{"identitetsbeteckning":"5590000005"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var organisation = Assert.Single(body.GetProperty("organisationer").EnumerateArray().ToList());
        Assert.Equal("5590000005", organisation.GetProperty("organisationsidentitet").GetProperty("identitetsbeteckning").GetString());
        var names = organisation.GetProperty("organisationsnamn");
        Assert.Equal("Gröna Händer Arbetsintegrerande AB", names.GetProperty("organisationsnamnLista")[0].GetProperty("namn").GetString());
        Assert.Equal(JsonValueKind.Null, names.GetProperty("fel").ValueKind);
        Assert.Equal("Bolagsverket", names.GetProperty("dataproducent").GetString());
        Assert.Equal("AB", organisation.GetProperty("organisationsform").GetProperty("kod").GetString());
        Assert.Equal(JsonValueKind.Null, organisation.GetProperty("avregistreradOrganisation").ValueKind);
        Assert.Equal("SCB", organisation.GetProperty("naringsgrenOrganisation").GetProperty("dataproducent").GetString());
    }

    [Fact]
    public async Task An_unknown_number_is_200_with_ORGANISATION_FINNS_EJ_in_every_part()
    {
        var (status, body, _) = await LookupAsync(await AccessTokenAsync(), """{"identitetsbeteckning":"5560360793"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var organisation = body.GetProperty("organisationer")[0];
        foreach (var part in new[] { "organisationsnamn", "organisationsform", "juridiskForm", "organisationsdatum" })
        {
            Assert.Equal("ORGANISATION_FINNS_EJ", organisation.GetProperty(part).GetProperty("fel").GetProperty("typ").GetString());
        }
    }

    [Theory]
    [InlineData("""{"identitetsbeteckning":"5590000006"}""", "Identitetsbeteckning har ogiltig kontrollsiffra.")]
    [InlineData("""{"identitetsbeteckning":"559000-0005"}""", "Identitetsbeteckning har felaktigt format.")]
    [InlineData("""{"identitetsbeteckning":"165590000005"}""", "Identitetsbeteckning har felaktigt format.")]
    [InlineData("""{"orgnr":"5590000005"}""", "identitetsbeteckning saknas.")]
    [InlineData("not json", "JSON parse error")]
    public async Task A_bad_request_is_a_400_problem_document(string request, string detail)
    {
        var (status, body, response) = await LookupAsync(await AccessTokenAsync(), request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:bolagsverket:error:validation", body.GetProperty("type").GetString());
        Assert.Equal("validation.client", body.GetProperty("instance").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal(detail, body.GetProperty("detail").GetString());
        response.Dispose();
    }

    [Fact]
    public async Task A_missing_unknown_or_expired_token_is_a_401_problem_document()
    {
        var token = await AccessTokenAsync();
        var request = """{"identitetsbeteckning":"5590000005"}""";

        var missing = await LookupAsync(null, request);
        var unknown = await LookupAsync("not-a-token", request);
        var fresh = await LookupAsync(token, request);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var expired = await LookupAsync(token, request);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("auth.token_expired", expired.Body.GetProperty("instance").GetString());
        Assert.Equal("urn:bolagsverket:error:auth", expired.Body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Over_the_rate_limit_answers_429_with_retry_after_until_the_minute_has_passed()
    {
        var token = await AccessTokenAsync();
        var request = """{"identitetsbeteckning":"5590000005"}""";
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await LookupAsync(token, request)).Status);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        var throttled = await LookupAsync(token, request);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var after = await LookupAsync(token, request);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal([200, 200, 200, 429, 200], _standIn.Requests.All.Where(r => r.Path == BolagsverketStandIn.OrganisationerPath).Select(r => r.Status));
        Assert.Equal(1, _standIn.Requests.TokenRequests);
        Assert.Equal(5, _standIn.Requests.Lookups);
    }

    [Fact]
    public async Task Injected_faults_come_in_order_and_then_stop()
    {
        var token = await AccessTokenAsync();
        var request = """{"identitetsbeteckning":"5590000005"}""";
        _standIn.Faults.TooManyRequests(retryAfter: TimeSpan.FromSeconds(2));
        _standIn.Faults.ServerError();
        _standIn.Faults.ScbUnavailable();

        // Half a minute apart, so the stand-in's own limit of 3 a minute stays out of the way.
        var throttled = await LookupAsync(token, request);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var failed = await LookupAsync(token, request);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var partial = await LookupAsync(token, request);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var whole = await LookupAsync(token, request);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), throttled.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(500, failed.Body.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, partial.Status);
        Assert.Equal("OTILLGANGLIG_UPPGIFTSKALLA", partial.Body.GetProperty("organisationer")[0].GetProperty("juridiskForm").GetProperty("fel").GetProperty("typ").GetString());
        Assert.Equal(JsonValueKind.Null, whole.Body.GetProperty("organisationer")[0].GetProperty("juridiskForm").GetProperty("fel").ValueKind);
        Assert.Equal(0, _standIn.Faults.Pending);
    }
}
