using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Integration.Core.Enterprises;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Integration.Core.Registry.Bolagsverket;

/// <summary>
/// <see cref="IEnterpriseRegistry"/> over Bolagsverket's "värdefulla datamängder" API (the EU high-value
/// datasets, free of charge): <c>POST {BaseUrl}/organisationer</c> with <c>{"identitetsbeteckning":"…"}</c>
/// and a bearer token from the OAuth2 client credentials grant. The number goes in the body, never the URL,
/// and as ten digits without a hyphen, the form the API's own pattern takes (its example shows a hyphen; its
/// pattern does not allow one, nor the <c>16</c> prefix). An unknown number is HTTP 200 with
/// <c>ORGANISATION_FINNS_EJ</c> (<see cref="OrganisationerAnswer"/>); a refused request is an RFC 7807
/// problem document (<see cref="RegistryProblem"/>); 429 and 5xx are retried by the standard resilience
/// handler, and every call waits for its turn from <see cref="RegistryPacing"/> first. A 401 gets one fresh token and one
/// more try: the API says <c>auth.token_expired</c> when a token runs out earlier than it said.
/// </summary>
public sealed partial class BolagsverketRegistry(
    HttpClient http,
    RegistryTokenClient tokenClient,
    RegistryTokenCache tokens,
    RegistryPacing pacing,
    IOptions<RegistryOptions> options,
    ILogger<BolagsverketRegistry> logger) : IEnterpriseRegistry
{
    public const string OrganisationerPath = "organisationer";

    private readonly RegistryOptions _options = options.Value;

    public async Task<RegistryAnswer> LookupAsync(OrganisationNumber number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(number);
        var url = new Uri(_options.BaseUrl!.TrimEnd('/') + "/" + OrganisationerPath);
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetAsync(tokenClient.RequestAsync, ct);
            var requestId = Guid.NewGuid().ToString();
            using var response = await SendAsync(url, number, token, requestId, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                tokens.Invalidate(token);
                LogTokenRefused(requestId);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode) throw Refusal(response.StatusCode, body, requestId);

            RegistryAnswer answer;
            try
            {
                using var document = JsonDocument.Parse(body);
                answer = OrganisationerAnswer.Read(number, document.RootElement);
            }
            catch (JsonException ex)
            {
                throw new RegistryException($"The registry's answer to {OrganisationerPath} is not JSON (requestId {requestId}).", isTransient: false, ex);
            }

            if (answer.FieldErrors.Count > 0 && answer.Found)
            {
                LogPartsMissing(number.ToString(), string.Join(", ", answer.FieldErrors.Select(e => $"{e.Part}: {e.Type}")));
            }

            return answer;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, OrganisationNumber number, RegistryAccessToken token, string requestId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["identitetsbeteckning"] = number.Digits }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // Bolagsverket echoes it as requestId in an error, so a failed lookup can be traced with their support.
        request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        try
        {
            if (!await pacing.WaitTurnAsync(ct)) throw new RateLimiterRejectedException();
            return await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or RateLimiterRejectedException or IOException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var what = ex switch
            {
                BrokenCircuitException => "is failing often, so calls are held back for a while",
                RateLimiterRejectedException => "has too many lookups waiting for their turn",
                TimeoutRejectedException or OperationCanceledException => "did not answer in time",
                _ => "could not be reached",
            };
            throw new RegistryException($"{OrganisationerPath}: the registry {what} ({ex.GetType().Name}; requestId {requestId}).", isTransient: true, ex);
        }
    }

    private static RegistryException Refusal(HttpStatusCode status, string body, string requestId)
    {
        var problem = RegistryProblem.TryRead(body);
        var code = (int)status;
        var about = problem is null ? $"requestId {requestId}" : problem.Summary;
        if (status == HttpStatusCode.Unauthorized)
        {
            return new RegistryException($"{OrganisationerPath}: the registry refused a fresh access token (HTTP 401; {about}); check Registry__ClientId, Registry__ClientSecret and Registry__Scope.", isTransient: false, problem: problem);
        }

        if (status == HttpStatusCode.Forbidden)
        {
            return new RegistryException($"{OrganisationerPath}: the registry does not let this client read organisations (HTTP 403; {about}); check Registry__Scope and the application's subscription.", isTransient: false, problem: problem);
        }

        var transient = code >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
        return new RegistryException(
            transient
                ? $"{OrganisationerPath}: the registry answered HTTP {code} after the retries ({about})."
                : $"{OrganisationerPath}: the registry refused the request (HTTP {code}; {about}).",
            transient,
            problem: problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The registry refused the access token (requestId {RequestId}); asking for a new one once.")]
    private partial void LogTokenRefused(string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The registry's answer about {OrganisationNumber} lacks parts: {Parts}.")]
    private partial void LogPartsMissing(string organisationNumber, string parts);
}
