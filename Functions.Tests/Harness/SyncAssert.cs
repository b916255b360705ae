using Integration.Core.Sync;

namespace Integration.Functions.Tests.Harness;

public static class SyncAssert
{
    /// <summary>Every item read ended in exactly one bucket.</summary>
    public static void Reconciles(SyncCounts c) =>
        Assert.Equal(c.Read, c.Created + c.Updated + c.Unchanged + c.Deleted + c.Quarantined + c.Deferred);
}
