namespace Integration.Emulators.Graph;

/// <summary>What a conditional write came to.</summary>
internal enum WriteOutcome
{
    Done,
    NotFound,
    PreconditionFailed,
}
