using Integration.Core.Registry;
using Integration.Core.Sync;

namespace Integration.Core.Enterprises;

/// <summary>
/// The enterprises' night step: the source on the delta engine brings the list into the table, then the
/// <see cref="RegistryCheck"/> looks up what is due in the company register and enqueues the register
/// warnings. A failed read throws before anything is looked up. Without a registry the check is skipped
/// and the step says so in its detail; a failed lookup is counted, never a failed step.
/// </summary>
public sealed class EnterprisesSync(EnterpriseSource source, DeltaSyncEngine engine, RegistryCheck check) : ISourceSync
{
    private readonly DeltaSourceSync<EnterpriseItem, Enterprise> _read = new(source, engine);

    public string Source => _read.Source;

    public bool IsConfigured => _read.IsConfigured;

    public string? MissingSetting => _read.MissingSetting;

    public async Task<SyncCounts> RunAsync(string runId, CancellationToken ct)
    {
        var counts = await _read.RunAsync(runId, ct);
        await check.RunAsync(counts, ct);
        return counts;
    }
}
