using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Integration.Core.CaseSystem.Sif;

/// <summary>
/// <see cref="ICaseSystem"/> over Public 360's SIF RPC API. Every call is
/// <c>POST {BaseUrl}/Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC/{Service}/{Operation}</c> with
/// <c>{"parameter":{…}}</c> and <c>Authorization: authkey …</c>. SIF reports a business error as
/// HTTP 200 with <c>Successful: false</c>; that is an error here too. The marker goes in a
/// document's <c>AdditionalFields</c>, which <c>GetDocuments</c> filters on. Cases are read with
/// <c>GetCases</c>, page by page (<c>MaxReturnedCases</c>, <c>Page</c> until <c>TotalPageCount</c>).
/// </summary>
public sealed partial class SifCaseSystem(HttpClient http, IOptions<CaseSystemOptions> options, ILogger<SifCaseSystem> logger) : ICaseSystem
{
    public const string RpcPath = "Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC/";

    private static readonly JsonSerializerOptions Json = new();

    private readonly CaseSystemOptions _options = options.Value;

    public async Task<CaseDocument?> FindDocumentAsync(string caseNumber, string marker, CancellationToken ct)
    {
        var parameter = new Dictionary<string, object?>
        {
            ["CaseNumber"] = caseNumber,
            ["AdditionalFields"] = new[] { new Dictionary<string, string> { ["Name"] = _options.MarkerField, ["Value"] = marker } },
            ["IncludeCustomFields"] = false,
            ["IncludeFileData"] = false,
            ["MaxReturnedDocuments"] = 2,
        };
        using var answer = await CallAsync("DocumentService/GetDocuments", JsonContent.Create(new { parameter }, options: Json), ct);
        if (!answer.RootElement.TryGetProperty("Documents", out var documents) || documents.ValueKind != JsonValueKind.Array) return null;

        var found = documents.EnumerateArray().Select(Document).ToList();
        if (found.Count > 1) LogMarkerTwice(caseNumber, found[0].DocumentNumber, found[1].DocumentNumber);
        return found.FirstOrDefault();
    }

    public async Task<CaseDocument> CreateDocumentAsync(CaseDocumentDraft draft, CancellationToken ct)
    {
        using var answer = await CallAsync(CreateDocumentOperation, new SifCreateDocumentContent(draft, _options.MarkerField), ct);
        var document = Document(answer.RootElement);
        if (string.IsNullOrEmpty(document.DocumentNumber))
        {
            throw new CaseSystemException("CreateDocument answered Successful but gave no DocumentNumber.", isTransient: false);
        }

        return document;
    }

    public async IAsyncEnumerable<CasePage> GetCasesAsync(string caseType, DateTimeOffset? changedSince, int pageSize, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var pageCount = 1;
        for (var page = 0; page < pageCount; page++)
        {
            var parameter = new Dictionary<string, object?>
            {
                ["CaseType"] = caseType,
                ["IncludeCustomFields"] = true,
                ["MaxReturnedCases"] = pageSize,
                ["Page"] = page,
            };
            if (changedSince is { } since) parameter["LastDate"] = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

            using var answer = await CallAsync(GetCasesOperation, JsonContent.Create(new { parameter }, options: Json), ct);
            var root = answer.RootElement;
            pageCount = root.TryGetProperty("TotalPageCount", out var total) && total.TryGetInt32(out var count) ? count : 0;
            var cases = root.TryGetProperty("Cases", out var found) && found.ValueKind == JsonValueKind.Array
                ? found.EnumerateArray().Select(Case).ToList()
                : [];

            yield return new CasePage(cases, page, Math.Max(pageCount, page + 1));
        }
    }

    public const string GetCasesOperation = "CaseService/GetCases";

    /// <summary>Status texts (as SIF words them, Swedish and Norwegian installations alike) that close a case.</summary>
    private static readonly HashSet<string> ClosedStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "Avslutat", "Avslutad", "Avskrivet", "Avskriven", "Avsluttet", "Closed",
    };

    private static CaseRecord Case(JsonElement element)
    {
        var status = Text(element, "Status");
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (element.TryGetProperty("CustomFields", out var custom) && custom.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in custom.EnumerateArray())
            {
                if (Text(field, "Name") is not { Length: > 0 } name) continue;
                fields[name] = field.TryGetProperty("Value", out var value) ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => value.GetRawText(),
                } : null;
            }
        }

        var board = Text(element, "ResponsibleEnterpriseName")
            ?? (element.TryGetProperty("ResponsibleEnterprise", out var enterprise) && enterprise.ValueKind == JsonValueKind.Object ? Text(enterprise, "Name") : null);
        DateTimeOffset? changed = Text(element, "LastChangedDate") is { } rawChanged
            && DateTimeOffset.TryParse(rawChanged, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;
        return new CaseRecord(
            Text(element, "CaseNumber") ?? "",
            Text(element, "Title"),
            status,
            status is null ? null : ClosedStatuses.Contains(status.Trim()),
            board,
            changed,
            Text(element, "URL"),
            fields,
            element.GetRawText());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The one call SIF must never see twice for one attempt: the resilience pipeline leaves it to the queue.</summary>
    public const string CreateDocumentOperation = "DocumentService/CreateDocument";

    /// <summary>Whether a request creates something, so that an HTTP retry after a lost answer would create it twice.</summary>
    public static bool IsCreate(HttpRequestMessage? request) =>
        request?.RequestUri is { } uri && uri.AbsolutePath.EndsWith("/" + CreateDocumentOperation, StringComparison.OrdinalIgnoreCase);

    private async Task<JsonDocument> CallAsync(string operation, HttpContent content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.BaseUrl!), RpcPath + operation)) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "authkey " + _options.ApiKey);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var what = ex switch
            {
                BrokenCircuitException => "is failing often, so calls are held back for a while",
                TimeoutRejectedException or OperationCanceledException => "did not answer in time",
                _ => "could not be reached",
            };
            throw new CaseSystemException($"{operation}: the case system {what} ({ex.Message})", isTransient: true, ex);
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new CaseSystemException($"{operation}: the case system refused the API key (HTTP {(int)response.StatusCode}); check CaseSystem__ApiKey.", isTransient: false);
            }

            if (!response.IsSuccessStatusCode)
            {
                var transient = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
                throw new CaseSystemException($"{operation}: the case system answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}.", transient);
            }

            JsonDocument answer;
            try
            {
                answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            }
            catch (JsonException ex)
            {
                throw new CaseSystemException($"{operation}: the case system's answer is not JSON ({ex.Message}).", isTransient: false, ex);
            }

            if (answer.RootElement.ValueKind != JsonValueKind.Object
                || !answer.RootElement.TryGetProperty("Successful", out var successful)
                || successful.ValueKind != JsonValueKind.True)
            {
                var message = answer.RootElement.ValueKind == JsonValueKind.Object && answer.RootElement.TryGetProperty("ErrorMessage", out var error) && error.ValueKind == JsonValueKind.String
                    ? error.GetString()
                    : "no ErrorMessage";
                answer.Dispose();
                throw new CaseSystemException($"{operation} was refused by the case system (Successful: false).", isTransient: false, serverMessage: message);
            }

            return answer;
        }
    }

    private static CaseDocument Document(JsonElement element) => new(
        element.TryGetProperty("DocumentNumber", out var number) && number.ValueKind == JsonValueKind.String ? number.GetString()! : "",
        element.TryGetProperty("Recno", out var recno) && recno.ValueKind is JsonValueKind.Number or JsonValueKind.String ? recno.ToString() : null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Two documents on case {CaseNumber} carry the same marker ({First}, {Second}); the first is taken. One was made by hand or by an older version.")]
    private partial void LogMarkerTwice(string caseNumber, string first, string second);
}
