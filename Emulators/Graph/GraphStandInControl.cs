using System.Net.Http.Json;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph.Http;

namespace Integration.Emulators.Graph;

/// <summary>
/// A client for a running stand-in's control API (<c>/_standin/…</c>), which is never counted as
/// Graph traffic. A bench phase in another process reaches the same stand-in through its URL.
/// </summary>
public sealed class GraphStandInControl : IDisposable
{
    private readonly HttpClient control;

    /// <param name="graphBaseUrl">The stand-in's Graph root, e.g. <c>http://127.0.0.1:54321/v1.0</c>.</param>
    public GraphStandInControl(Uri graphBaseUrl)
    {
        // Seeding a large list takes seconds, not the default HttpClient timeout's 100.
        control = new HttpClient { BaseAddress = new Uri(graphBaseUrl.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromMinutes(10) };
    }

    /// <summary>Creates (or reuses) the network's site and <c>Handlingsplan</c> list and adds <paramref name="count"/> plan items.</summary>
    public Task<SeedResult> SeedPlanItemsAsync(int count, int seed, DateOnly today, int owners, CancellationToken ct = default) =>
        SeedAsync("plan-items", new SeedRequest(count, seed, today, owners), ct);

    /// <summary>Edits, deletes and adds plan items: round(<paramref name="fraction"/> × items) in all.</summary>
    public Task<MutationResult> MutatePlanItemsAsync(double fraction, int seed, DateOnly today, CancellationToken ct = default) =>
        MutateAsync("plan-items", new MutationRequest(fraction, seed, today), ct);

    /// <summary>
    /// Creates (or reuses) a document library on the network's site and adds <paramref name="count"/> generated PDF
    /// notes, sizes log-uniform between <paramref name="minBytes"/> and <paramref name="maxBytes"/>.
    /// </summary>
    public Task<SeedResult> SeedMeetingNotesAsync(
        string library, int count, int seed, DateOnly today, long minBytes, long maxBytes, CancellationToken ct = default) =>
        SeedAsync(MeetingNoteGenerator.SourceName, new SeedRequest(count, seed, today) { Library = library, MinBytes = minBytes, MaxBytes = maxBytes }, ct);

    /// <summary>Gives round(<paramref name="fraction"/> × files) notes of the library a new content version.</summary>
    public Task<MutationResult> MutateMeetingNotesAsync(string library, double fraction, int seed, DateOnly today, CancellationToken ct = default) =>
        MutateAsync(MeetingNoteGenerator.SourceName, new MutationRequest(fraction, seed, today) { Library = library }, ct);

    /// <summary>Seeds any source the stand-in has a generator for (<see cref="IBenchGenerator.Source"/>).</summary>
    public Task<SeedResult> SeedAsync(string source, SeedRequest request, CancellationToken ct = default) =>
        PostAsync<SeedResult>($"/_standin/{Uri.EscapeDataString(source)}/seed", request, ct);

    public Task<MutationResult> MutateAsync(string source, MutationRequest request, CancellationToken ct = default) =>
        PostAsync<MutationResult>($"/_standin/{Uri.EscapeDataString(source)}/mutate", request, ct);

    /// <summary>Graph requests since the stand-in started or was last cleared, by kind.</summary>
    public async Task<RequestCounts> GetRequestCountsAsync(CancellationToken ct = default)
    {
        using var response = await control.GetAsync(new Uri("/_standin/requests", UriKind.Relative), ct);
        return (await ReadAsync<RequestCountsJson>(response, ct)).ToCounts();
    }

    /// <summary>File downloads and their bytes since the stand-in started or its requests were last cleared.</summary>
    public async Task<DownloadCounts> GetDownloadsAsync(CancellationToken ct = default)
    {
        using var response = await control.GetAsync(new Uri("/_standin/downloads", UriKind.Relative), ct);
        return await ReadAsync<DownloadCounts>(response, ct);
    }

    /// <summary>Forgets the Graph requests and downloads counted so far.</summary>
    public async Task ClearRequestsAsync(CancellationToken ct = default)
    {
        using var response = await control.PostAsync(new Uri("/_standin/requests/clear", UriKind.Relative), content: null, ct);
        await EnsureSuccessAsync(response, ct);
    }

    /// <summary>Delay before every Graph response from now on.</summary>
    public async Task SetLatencyAsync(TimeSpan latency, CancellationToken ct = default)
    {
        using var response = await control.PostAsJsonAsync(
            new Uri("/_standin/latency", UriKind.Relative), new { ms = (int)latency.TotalMilliseconds }, ControlEndpoints.Json, ct);
        await EnsureSuccessAsync(response, ct);
    }

    /// <summary>
    /// Enforces SharePoint's resource-unit budget from now on: <paramref name="budget"/> units per
    /// <paramref name="window"/>, or none when null. The window starts afresh with the next metered operation.
    /// </summary>
    public async Task SetResourceUnitBudgetAsync(int? budget, TimeSpan window, CancellationToken ct = default)
    {
        using var response = await control.PostAsJsonAsync(
            new Uri("/_standin/budget", UriKind.Relative), new ResourceUnitBudgetJson(budget, (int)window.TotalMilliseconds), ControlEndpoints.Json, ct);
        await EnsureSuccessAsync(response, ct);
    }

    /// <summary>The budget in force and the units used in its current window.</summary>
    public async Task<ResourceUnitBudgetState> GetResourceUnitBudgetAsync(CancellationToken ct = default)
    {
        using var response = await control.GetAsync(new Uri("/_standin/budget", UriKind.Relative), ct);
        return (await ReadAsync<ResourceUnitBudgetJson>(response, ct)).ToState();
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken ct)
    {
        using var response = await control.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, ControlEndpoints.Json, ct);
        return await ReadAsync<T>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(ControlEndpoints.Json, ct)
            ?? throw new InvalidOperationException($"The stand-in answered {response.RequestMessage?.RequestUri} with an empty body.");
    }

    // The control API explains a refusal in its body ({"error": "..."}); keep that in the exception.
    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException(
                $"The stand-in answered {(int)response.StatusCode} to {response.RequestMessage?.RequestUri}: {body}", null, response.StatusCode);
        }
    }

    public void Dispose() => control.Dispose();
}
