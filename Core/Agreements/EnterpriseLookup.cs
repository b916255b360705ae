using System.Collections.Concurrent;
using Azure.Data.Tables;
using Integration.Core.Enterprises;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;

namespace Integration.Core.Agreements;

/// <summary>
/// Whether an agreement's enterprise is in the register: a point read of its row, and, when it has
/// none, of its Quarantine entry (an enterprise refused from the start has no row). One read per
/// enterprise per run.
/// </summary>
public sealed class EnterpriseLookup(EnterpriseStore enterprises, IntegrationStorage storage)
{
    private readonly ConcurrentDictionary<string, Task<EnterpriseState>> _known = new(StringComparer.Ordinal);

    public Task<EnterpriseState> StateAsync(string enterpriseId, CancellationToken ct) =>
        _known.GetOrAdd(enterpriseId, id => ReadAsync(id, ct));

    private async Task<EnterpriseState> ReadAsync(string id, CancellationToken ct)
    {
        var state = await enterprises.StateAsync(id, ct);
        if (state != EnterpriseState.Unknown) return state;
        var quarantine = await storage.TableAsync(TableNames.Quarantine, ct);
        var entry = await quarantine.GetEntityIfExistsAsync<TableEntity>(EnterprisesModule.Source, TableKeys.Escape(id), [QuarantineStore.OpenColumn], ct);
        return entry.HasValue && entry.Value!.GetBoolean(QuarantineStore.OpenColumn) != false ? EnterpriseState.InQuarantine : EnterpriseState.Unknown;
    }
}
