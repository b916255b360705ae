namespace Integration.Core.Agreements;

/// <summary>An agreement between the city and a social enterprise, as the network's list holds it.</summary>
/// <param name="Id">The SharePoint item id.</param>
/// <param name="EnterpriseId">The enterprise's item id in the enterprise list (the lookup).</param>
/// <param name="BuyingBoard">The board or company that buys; null when the list does not say.</param>
/// <param name="YearlyValue">SEK a year.</param>
/// <param name="EndDate">Null: until further notice.</param>
public sealed record Agreement(
    string Id,
    string EnterpriseId,
    AgreementType Type,
    string? BuyingBoard,
    decimal YearlyValue,
    DateOnly StartDate,
    DateOnly? EndDate);
