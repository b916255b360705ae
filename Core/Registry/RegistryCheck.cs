using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Integration.Core.Agreements;
using Integration.Core.Calendar;
using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.Notifications;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integration.Core.Registry;

/// <summary>
/// The registry check, run after the enterprise list's sync. Each stored enterprise that is in the
/// register now (not deleted, not in quarantine) and has an organisation number is looked up through
/// <see cref="IEnterpriseRegistry"/>, at most once every <see cref="LookupInterval"/> or at once when its
/// number changed; the answers are kept in the <see cref="TableNames.RegistryAnswers"/> table. A sole
/// trader is never looked up: its personal identity number is not sent. A lookup that fails is counted and
/// tried again the next night; it does not fail the step.
/// <para>
/// Then every enterprise the register calls deregistered, bankrupt or in liquidation while it has an active
/// agreement (start ≤ today ≤ end, Stockholm days) becomes a <see cref="NotificationEvents.RegisterWarning"/>,
/// once per enterprise and state. The warnings are worked out from the stored answers each night, so an
/// agreement taken in after the lookup still brings its warning. A deployment without the agreements
/// feature looks the enterprises up and warns about none.
/// </para>
/// </summary>
public sealed partial class RegistryCheck(
    IEnumerable<IEnterpriseRegistry> registries,
    EnterpriseStore enterprises,
    IntegrationStorage storage,
    NotificationOutbox outbox,
    NetworkCalendar calendar,
    TimeProvider time,
    ILogger<RegistryCheck> logger,
    AgreementStore? agreements = null)
{
    public const string Partition = "answers";

    /// <summary>How long an answer is trusted before the enterprise is looked up again.</summary>
    public static readonly TimeSpan LookupInterval = TimeSpan.FromDays(7);

    /// <summary>The step's detail when there is no registry.</summary>
    public const string SkippedDetail = "registry check skipped (Registry__BaseUrl is not set)";

    private readonly IEnterpriseRegistry? _registry = registries.FirstOrDefault();

    /// <summary>Looks up what is due, then enqueues the warnings; adds its counts (and, when skipped, the detail) to <paramref name="counts"/>.</summary>
    public async Task RunAsync(SyncCounts counts, CancellationToken ct)
    {
        counts.Extra["registryLookups"] = 0;
        counts.Extra["registryCached"] = 0;
        counts.Extra["registryFailed"] = 0;
        counts.Extra["registerWarnings"] = 0;
        if (_registry is null)
        {
            counts.Detail = SkippedDetail;
            return;
        }

        var live = await LiveEnterprisesAsync(ct);
        var table = await storage.TableAsync(TableNames.RegistryAnswers, ct);
        var answers = await AnswersAsync(table, ct);
        var now = time.GetUtcNow();
        var failed = new List<string>();
        foreach (var enterprise in live)
        {
            if (answers.TryGetValue(enterprise.Id, out var cached) && cached.Number == enterprise.Number.ToString() && cached.Complete && now - cached.ReadAt < LookupInterval)
            {
                counts.Extra["registryCached"]++;
                continue;
            }

            try
            {
                var answer = await _registry.LookupAsync(enterprise.Number, ct);
                var stored = StoredAnswer.From(enterprise.Id, answer, time.GetUtcNow());
                await table.UpsertEntityAsync(stored.ToEntity(), TableUpdateMode.Replace, ct);
                answers[enterprise.Id] = stored;
                counts.Extra["registryLookups"]++;
            }
            catch (RegistryException ex)
            {
                // Counted and tried again the next night: the row keeps its last answer, if any.
                LogLookupFailed(enterprise.Id, ex.IsTransient, ex.Message);
                counts.Extra["registryFailed"]++;
                failed.Add(enterprise.Id);
            }
        }

        if (failed.Count > 0) counts.Ids["registryFailed"] = failed;
        counts.Extra["registerWarnings"] = await WarnAsync(live, answers, now, ct);
        LogDone(counts.Extra["registryLookups"], counts.Extra["registryCached"], counts.Extra["registryFailed"], counts.Extra["registerWarnings"]);
    }

    /// <summary>
    /// The warnings alone, worked out again from the stored answers without a lookup: run after the
    /// agreements' sync, so an agreement taken in on the same night as its enterprise's answer brings
    /// its warning that night. The outbox sends each warning once, whichever pass finds it first.
    /// </summary>
    public async Task WarnAgainAsync(SyncCounts counts, CancellationToken ct)
    {
        counts.Extra["registerWarnings"] = 0;
        if (_registry is null) return;
        var live = await LiveEnterprisesAsync(ct);
        var answers = await AnswersAsync(await storage.TableAsync(TableNames.RegistryAnswers, ct), ct);
        counts.Extra["registerWarnings"] = await WarnAsync(live, answers, time.GetUtcNow(), ct);
    }

    private async Task<int> WarnAsync(List<LiveEnterprise> live, Dictionary<string, StoredAnswer> answers, DateTimeOffset now, CancellationToken ct)
    {
        var warned = live
            .Select(e => (Enterprise: e, Answer: answers.GetValueOrDefault(e.Id)))
            .Where(p => p.Answer is not null && p.Answer.Number == p.Enterprise.Number.ToString() && IsWarning(p.Answer.Status))
            .ToList();
        if (warned.Count == 0) return 0;

        var active = await ActiveAgreementsAsync(calendar.DateOf(now), ct);
        var sent = 0;
        foreach (var (enterprise, answer) in warned)
        {
            var count = active.GetValueOrDefault(enterprise.Id);
            if (count == 0) continue;
            try
            {
                if (await outbox.EnqueueOnceAsync(ToMessage(enterprise, answer!, count, now), ct)) sent++;
            }
            catch (RequestFailedException ex)
            {
                // Not in the ledger: the next night tries again.
                LogNotifyFailed(enterprise.Id, ex.Status, ex.ErrorCode);
            }
        }

        return sent;
    }

    public static bool IsWarning(string status) =>
        status is nameof(RegisterStatus.Deregistered) or nameof(RegisterStatus.Bankrupt) or nameof(RegisterStatus.InLiquidation);

    private static NotificationMessage ToMessage(LiveEnterprise enterprise, StoredAnswer answer, int agreementCount, DateTimeOffset now)
    {
        var facts = new List<NotificationFact>
        {
            new("Organisationsnummer", enterprise.Number.ToString()),
            new("Status i registret", StatusText(answer.Status)),
        };
        if (answer.Since is { } since) facts.Add(new("Sedan", since));
        if (!string.IsNullOrWhiteSpace(answer.Name) && !string.Equals(answer.Name, enterprise.Name, StringComparison.OrdinalIgnoreCase))
        {
            facts.Add(new("Namn i registret", answer.Name));
        }

        facts.Add(new("Aktiva avtal", agreementCount.ToString(CultureInfo.InvariantCulture)));
        return new NotificationMessage(
            EventId: $"{EnterprisesModule.Source}:{enterprise.Id}:{NotificationEvents.RegisterWarning}:{answer.Status}",
            Event: NotificationEvents.RegisterWarning,
            Source: EnterprisesModule.Source,
            ItemId: enterprise.Id,
            Title: string.IsNullOrWhiteSpace(enterprise.Name) ? enterprise.Number.ToString() : enterprise.Name,
            RecipientLookupId: null,
            Facts: facts,
            WebUrl: null,
            DetectedAt: now);
    }

    private static string StatusText(string status) => status switch
    {
        nameof(RegisterStatus.Deregistered) => "Avregistrerad",
        nameof(RegisterStatus.Bankrupt) => "I konkurs",
        nameof(RegisterStatus.InLiquidation) => "I likvidation",
        _ => status,
    };

    /// <summary>Enterprises in the register now that have an organisation number; sole traders are left out.</summary>
    private async Task<List<LiveEnterprise>> LiveEnterprisesAsync(CancellationToken ct)
    {
        var table = await enterprises.TableAsync(ct);
        var live = new List<LiveEnterprise>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == EnterpriseStore.Partition,
            select: ["RowKey", "Name", "OrganisationNumber", "NumberKind", EnterpriseStore.HoldsPersonalDataColumn, SourceTable.IsDeletedColumn, SourceTable.InQuarantineColumn], cancellationToken: ct))
        {
            if (row.GetBoolean(SourceTable.IsDeletedColumn) == true || row.GetBoolean(SourceTable.InQuarantineColumn) == true) continue;
            if (row.GetBoolean(EnterpriseStore.HoldsPersonalDataColumn) == true || row.GetString("NumberKind") != "OrganisationNumber") continue;
            if (!OrganisationNumber.TryParse(row.GetString("OrganisationNumber"), out var number, out _)) continue;
            live.Add(new LiveEnterprise(row.RowKey, row.GetString("Name") ?? "", number));
        }

        return live;
    }

    /// <summary>Enterprise id → its agreements active on <paramref name="today"/>: stored, not deleted, not in quarantine.</summary>
    private async Task<Dictionary<string, int>> ActiveAgreementsAsync(DateOnly today, CancellationToken ct)
    {
        var active = new Dictionary<string, int>(StringComparer.Ordinal);
        // Without the agreements feature there is no agreement, so no warning.
        if (agreements is null) return active;
        var table = await agreements.TableAsync(ct);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == AgreementStore.Partition,
            select: ["EnterpriseId", "StartDate", "EndDate", SourceTable.IsDeletedColumn, SourceTable.InQuarantineColumn], cancellationToken: ct))
        {
            if (row.GetBoolean(SourceTable.IsDeletedColumn) == true || row.GetBoolean(SourceTable.InQuarantineColumn) == true) continue;
            if (row.GetString("EnterpriseId") is not { Length: > 0 } enterpriseId || Day(row.GetString("StartDate")) is not { } start) continue;
            var end = Day(row.GetString("EndDate"));
            if (start <= today && (end is null || today <= end)) active[enterpriseId] = active.GetValueOrDefault(enterpriseId) + 1;
        }

        return active;
    }

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static async Task<Dictionary<string, StoredAnswer>> AnswersAsync(TableClient table, CancellationToken ct)
    {
        var answers = new Dictionary<string, StoredAnswer>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
        {
            answers[row.RowKey] = StoredAnswer.From(row);
        }

        return answers;
    }

    private sealed record LiveEnterprise(string Id, string Name, OrganisationNumber Number);

    /// <summary>One enterprise's last answer, as the table keeps it.</summary>
    /// <param name="Status">A <see cref="RegisterStatus"/> name, or <c>NotFound</c> when the register does not know the number.</param>
    /// <param name="Since">The deregistration or proceeding's date (yyyy-MM-dd), when the register gave one.</param>
    /// <param name="Complete">False when a part of the answer was missing because a source behind the register did not answer: asked again the next night.</param>
    private sealed record StoredAnswer(string EnterpriseId, string Number, string Status, string? Name, string? Since, bool Complete, DateTimeOffset ReadAt)
    {
        public const string NotFound = "NotFound";

        public static StoredAnswer From(string enterpriseId, RegistryAnswer answer, DateTimeOffset readAt)
        {
            var organisation = answer.Organisation;
            var status = organisation?.Status.ToString() ?? NotFound;
            var since = organisation?.Status switch
            {
                RegisterStatus.Deregistered => organisation.DeregisteredOn,
                RegisterStatus.Bankrupt => organisation.Proceedings.FirstOrDefault(p => p.Kind == ProceedingKind.Bankruptcy)?.From,
                RegisterStatus.InLiquidation => organisation.Proceedings.FirstOrDefault(p => p.Kind == ProceedingKind.Liquidation)?.From,
                RegisterStatus.InReconstruction => organisation.Proceedings.FirstOrDefault(p => p.Kind == ProceedingKind.Reconstruction)?.From,
                _ => null,
            };
            return new StoredAnswer(enterpriseId, answer.Number.ToString(), status, organisation?.Name,
                since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), answer.IsComplete, readAt);
        }

        public static StoredAnswer From(TableEntity row) => new(
            row.RowKey,
            row.GetString("OrganisationNumber") ?? "",
            row.GetString("Status") ?? "",
            row.GetString("Name"),
            row.GetString("Since"),
            row.GetBoolean("Complete") ?? true,
            row.GetDateTimeOffset("ReadAt") ?? DateTimeOffset.MinValue);

        public TableEntity ToEntity()
        {
            var row = new TableEntity(Partition, EnterpriseId)
            {
                ["OrganisationNumber"] = Number,
                ["Status"] = Status,
                ["Complete"] = Complete,
                ["ReadAt"] = ReadAt,
            };
            if (Name is not null) row["Name"] = Name;
            if (Since is not null) row["Since"] = Since;
            return row;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry check: {Lookups} lookups, {Cached} answers still fresh, {Failed} failed, {Warnings} register warnings.")]
    private partial void LogDone(int lookups, int cached, int failed, int warnings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry lookup of enterprise {EnterpriseId} failed (transient: {IsTransient}); tried again the next night: {Error}")]
    private partial void LogLookupFailed(string enterpriseId, bool isTransient, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue the register warning about enterprise {EnterpriseId}: {Status} {Code}")]
    private partial void LogNotifyFailed(string enterpriseId, int status, string? code);
}
