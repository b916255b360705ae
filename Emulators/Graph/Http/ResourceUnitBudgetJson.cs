namespace Integration.Emulators.Graph.Http;

/// <summary>
/// The control API's shape for the resource-unit budget: <c>{"units":n|null,"windowMs":m,"used":u}</c>. Posted
/// without <c>used</c> (and <c>windowMs</c> defaulting to a minute) to set it; answered with all three.
/// </summary>
internal sealed record ResourceUnitBudgetJson(int? Units, int? WindowMs, int Used = 0)
{
    public static ResourceUnitBudgetJson From(ResourceUnitBudget budget) =>
        new(budget.Limit, (int)budget.Window.TotalMilliseconds, budget.Used);

    public ResourceUnitBudgetState ToState() =>
        new(Units, TimeSpan.FromMilliseconds(WindowMs ?? (int)TimeSpan.FromMinutes(1).TotalMilliseconds), Used);
}
