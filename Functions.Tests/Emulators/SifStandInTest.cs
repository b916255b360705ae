using System.Net;
using System.Text;
using System.Text.Json;
using Integration.Emulators.CaseSystem;
using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Functions.Tests.Emulators;

/// <summary>A fresh SIF stand-in per test, called with a plain HttpClient over loopback.</summary>
public abstract class SifStandInTest : IAsyncLifetime
{
    protected const string Key = "sif-test-key";

    protected static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected SifStandIn StandIn { get; private set; } = null!;

    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// One of the vendor's reference files, beside the checkout as CI has them. Where they are not, the
    /// calling test, a <c>[SkippableFact]</c>, reports itself skipped and says why.
    /// </summary>
    protected static string ReferencePath(string file) => ReferenceFiles.PathOf(ReferenceFiles.Sif, file);

    public virtual async Task InitializeAsync()
    {
        StandIn = await SifStandIn.StartAsync(Key, new SifStandInOptions { Clock = Clock, DefaultPageSize = 25 });
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await StandIn.DisposeAsync();
    }

    /// <summary>Calls an operation with <c>{"parameter": parameter}</c> and the key in the Authorization header.</summary>
    protected Task<SifAnswer> CallAsync(string service, string operation, object parameter) =>
        SendAsync(service, operation, JsonSerializer.Serialize(new { parameter }));

    /// <summary>Calls an operation with a body as written (lenient JSON welcome), the key in the header unless told otherwise.</summary>
    protected async Task<SifAnswer> SendAsync(string service, string operation, string body, string? headerKey = Key, string? queryKey = null)
    {
        var url = StandIn.OperationUrl(service, operation).ToString();
        if (queryKey is not null)
        {
            url += "?authkey=" + Uri.EscapeDataString(queryKey);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (headerKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "authkey " + headerKey);
        }

        using var response = await Http.SendAsync(request);
        return await SifAnswer.ReadAsync(response);
    }

    protected async Task<string> CreateCaseAsync(string title, object? more = null)
    {
        var parameter = new Dictionary<string, object?> { ["Title"] = title };
        foreach (var property in JsonSerializer.SerializeToElement(more ?? new { }).EnumerateObject())
        {
            parameter[property.Name] = property.Value;
        }

        var answer = await CallAsync("CaseService", "CreateCase", parameter);
        answer.AssertSuccessful();
        return answer.Body.GetProperty("CaseNumber").GetString()!;
    }

    protected static object[] Fields(params (string Name, string Value)[] fields) =>
        [.. fields.Select(f => new { f.Name, f.Value })];

    /// <summary>An answer: its status and, when it is JSON, its body.</summary>
    protected sealed record SifAnswer(HttpStatusCode Status, string Text, string? ContentType)
    {
        public JsonElement Body => JsonDocument.Parse(Text).RootElement;

        public bool Successful => Body.GetProperty(nameof(Successful)).GetBoolean();

        public string? ErrorMessage => Body.GetProperty(nameof(ErrorMessage)).GetString();

        public static async Task<SifAnswer> ReadAsync(HttpResponseMessage response) =>
            new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);

        public void AssertSuccessful()
        {
            Assert.True(Status == HttpStatusCode.OK, $"HTTP {(int)Status}: {Text}");
            Assert.True(Successful, Text);
        }

        public void AssertRefused(string messagePart)
        {
            Assert.Equal(HttpStatusCode.OK, Status);
            Assert.False(Successful, Text);
            Assert.Contains(messagePart, ErrorMessage, StringComparison.Ordinal);
        }
    }
}
