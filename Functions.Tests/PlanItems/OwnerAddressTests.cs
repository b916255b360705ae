using System.Globalization;
using Azure.Data.Tables;
using Integration.Core.PlanItems;
using Integration.Core.Storage;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.PlanItems;

/// <summary>Owners' addresses are not kept: a plan-item row names its owner by lookup id only (docs/security.md).</summary>
public class OwnerAddressTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateOnly March15 = new(2027, 3, 15);

    [Fact]
    public async Task NoPlanItemRowHoldsAnAddressAfterASync()
    {
        Harness.List.AddPlanItem("Kartlägga stadens inköp", Anna, March15);
        Harness.List.AddPlanItem("Dialog med Arbetsförmedlingen", Omar, March15);

        await Harness.SyncAsync();

        var rows = await RowsAsync(TableNames.PlanItems);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain(row, p => p.Value is string text && text.Contains('@', StringComparison.Ordinal)));
        Assert.Equal([Key(Anna), Key(Omar)], rows.Select(r => r.GetString(nameof(PlanItemEntity.OwnerLookupId))).Order());
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<List<TableEntity>> RowsAsync(string tableName)
    {
        var table = await Harness.Get<IntegrationStorage>().TableAsync(tableName, CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: CancellationToken.None)) rows.Add(row);
        return rows;
    }
}
