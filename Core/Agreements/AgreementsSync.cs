using Integration.Core.Registry;
using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.Agreements;

/// <summary>
/// The agreements' night step: the source on the delta engine brings the list into the table, then
/// the register warnings are worked out again (<see cref="RegistryCheck.WarnAgainAsync"/>), since a
/// warning needs an active agreement and the night's agreements are stored only now.
/// </summary>
public sealed class AgreementsSync(AgreementSource source, DeltaSyncEngine engine, RegistryCheck check) : ISourceSync
{
    private readonly DeltaSourceSync<SharePointItem, Agreement> _read = new(source, engine);

    public string Source => _read.Source;

    public bool IsConfigured => _read.IsConfigured;

    public string? MissingSetting => _read.MissingSetting;

    public async Task<SyncCounts> RunAsync(string runId, CancellationToken ct)
    {
        var counts = await _read.RunAsync(runId, ct);
        await check.WarnAgainAsync(counts, ct);
        return counts;
    }
}
