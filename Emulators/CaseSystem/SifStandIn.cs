using Integration.Emulators.CaseSystem.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integration.Emulators.CaseSystem;

/// <summary>
/// A loopback stand-in for Public 360's SIF RPC API (the case system). It answers
/// <c>POST {BaseUrl}/Biz/v2/api/call/SI.Data.RPC/SI.Data.RPC/{Service}/{Operation}</c> as SIF does, lenient
/// JSON in, <c>Successful: false</c> business errors and all, keeps cases and documents in memory, and can be
/// seeded, inspected and made to fail by tests.
/// </summary>
public sealed class SifStandIn : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SifCallContext context;

    private SifStandIn(WebApplication app, SifCallContext context, string apiKey)
    {
        this.app = app;
        this.context = context;
        ApiKey = apiKey;
    }

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:54321/</c>: SIF's base URL has no path.</summary>
    public Uri BaseUrl => new(context.Origin + "/");

    /// <summary>The key calls must carry as <c>Authorization: authkey {key}</c> or <c>?authkey={key}</c>.</summary>
    public string ApiKey { get; }

    public SifFaults Faults { get; } = new();

    public SifRequestLog Requests { get; } = new();

    /// <summary>Cases in the order they were added or created.</summary>
    public IReadOnlyList<SifCase> Cases => context.Archive.Cases;

    /// <summary>Documents in the order they were created, with their additional fields and file sizes and hashes.</summary>
    public IReadOnlyList<SifDocument> Documents => context.Archive.Documents;

    /// <summary>Files sent to <c>FileService/Upload</c>.</summary>
    public IReadOnlyList<SifUpload> Uploads => context.Archive.Uploads;

    /// <summary>Starts listening on 127.0.0.1, on a free port unless <see cref="SifStandInOptions.Port"/> is set.</summary>
    public static async Task<SifStandIn> StartAsync(string apiKey, SifStandInOptions? options = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        options ??= new SifStandInOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.DefaultPageSize);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CaseNumberPrefix);
        var context = new SifCallContext(new SifArchive(options), options);

        var builder = LoopbackApp.CreateBuilder(options.Port, kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        var app = builder.Build();
        var standIn = new SifStandIn(app, context, apiKey);
        var endpoint = new SifEndpoint(
            context,
            apiKey,
            standIn.Faults,
            standIn.Requests,
            app.Services.GetRequiredService<IHostApplicationLifetime>(),
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SifStandIn>());
        app.UseRouting();
        endpoint.Map(app);
        await app.StartAsync(ct);

        context.Origin = LoopbackApp.AddressOf(app);
        return standIn;
    }

    /// <summary>The URL of one operation, e.g. <c>OperationUrl("CaseService", "GetCases")</c>.</summary>
    public Uri OperationUrl(string service, string operation) => new($"{context.Origin}{SifEndpoint.Prefix}/{service}/{operation}");

    /// <summary>
    /// Seeds a case. <paramref name="caseType"/> and <paramref name="status"/> may be codes, descriptions or
    /// <c>recno:N</c> from <see cref="SifCodeTables"/>; other text is kept as it is. <paramref name="lastChanged"/>
    /// (default now) is what <c>GetCases</c>' <c>LastDate</c> compares with. <paramref name="responsibleEnterprise"/>
    /// is the responsible board's name, as <c>ResponsibleEnterpriseName</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The case number or external id is taken.</exception>
    public SifCase AddCase(
        string caseNumber,
        string title,
        string? caseType = null,
        string? status = null,
        IReadOnlyDictionary<string, string?>? customFields = null,
        DateTimeOffset? lastChanged = null,
        SifExternalId? externalId = null,
        string? responsibleEnterprise = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        var changed = lastChanged ?? context.Now;
        var fields = new Dictionary<string, string?>(customFields ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        try
        {
            return context.Archive.AddCase(caseNumber.Trim(), null, (recno, number) => new SifCase(
                recno,
                number,
                title,
                SifCodeTables.Find(SifCodeTables.CaseType, caseType)?.Code ?? caseType,
                SifCodeTables.Find(SifCodeTables.CaseStatus, status)?.Code ?? status,
                externalId,
                fields,
                changed < context.Now ? changed : context.Now,
                changed) { ResponsibleEnterpriseName = responsibleEnterprise });
        }
        catch (SifBusinessException taken)
        {
            throw new InvalidOperationException(taken.Message, taken);
        }
    }

    /// <summary>
    /// Changes a seeded or created case: a new title, status or case type, custom fields set (a null value removes one),
    /// and the change time (default now).
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no such case.</exception>
    public SifCase UpdateCase(
        string caseNumber,
        string? title = null,
        string? status = null,
        IReadOnlyDictionary<string, string?>? customFields = null,
        DateTimeOffset? lastChanged = null,
        string? caseType = null)
    {
        var changed = lastChanged ?? context.Now;
        try
        {
            return context.Archive.UpdateCase(caseNumber, current =>
            {
                var fields = new Dictionary<string, string?>(current.CustomFields, StringComparer.OrdinalIgnoreCase);
                foreach (var (name, value) in customFields ?? new Dictionary<string, string?>())
                {
                    if (value is null)
                    {
                        fields.Remove(name);
                    }
                    else
                    {
                        fields[name] = value;
                    }
                }

                return current with
                {
                    Title = title ?? current.Title,
                    CaseType = caseType ?? current.CaseType,
                    Status = status is null ? current.Status : SifCodeTables.Find(SifCodeTables.CaseStatus, status)?.Code ?? status,
                    CustomFields = fields,
                    LastChanged = changed,
                };
            });
        }
        catch (SifBusinessException missing)
        {
            throw new InvalidOperationException(missing.Message, missing);
        }
    }

    public Task StopAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
