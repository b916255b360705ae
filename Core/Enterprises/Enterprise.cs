namespace Integration.Core.Enterprises;

/// <summary>
/// A work-integration social enterprise (arbetsintegrerande socialt företag, WISE) in the network's
/// register, as the list holds it.
/// </summary>
/// <param name="Id">The SharePoint item id; agreements point at it through their lookup column.</param>
/// <param name="LegalForm">The legal form as the list gives it (aktiebolag, ekonomisk förening, …).</param>
/// <param name="WiseCriteriaMet">Whether it meets Tillväxtverket's four criteria; null when the list does not say.</param>
/// <param name="Sector">The SNI code, as written in the list (its name, when the list gives one, is <see cref="SectorName"/>).</param>
/// <param name="Contact">Often a person's name or email: stored, never logged.</param>
public sealed record Enterprise(
    string Id,
    string Name,
    EnterpriseNumber Number,
    string? LegalForm,
    bool? WiseCriteriaMet,
    string? Sector,
    string? Contact)
{
    /// <summary>The sector's name where the list writes it after the code ("81.210 Lokalvård"); null when it gives only the code.</summary>
    public string? SectorName { get; init; }
}
