using System.Text.Json.Serialization;

namespace Integration.Emulators.Bench;

/// <summary>What one mutation did. A delta from before it returns <see cref="Edited"/> + <see cref="Added"/> items and <see cref="Deleted"/> tombstones.</summary>
public sealed record MutationResult(int Edited, int Deleted, int Added)
{
    [JsonIgnore]
    public int Changed => Edited + Deleted + Added;
}
