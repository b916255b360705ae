using Integration.Core.Enterprises;

namespace Integration.Core.Registry;

/// <summary>
/// A company register that tells whether an organisation number is registered, under what name and legal
/// form, and whether the organisation is deregistered (avregistrerad) or in liquidation, bankruptcy or
/// reconstruction. Bolagsverket's free "värdefulla datamängder" API is the first adapter
/// (<see cref="Bolagsverket.BolagsverketRegistry"/>); another register is another class behind this port,
/// and a stand-in for its tests. Registered in the composition root only when <c>Registry__BaseUrl</c> is
/// set; without it there is no registry check, and the step reports <see cref="RegistryOptions.NotConfigured"/>.
/// </summary>
public interface IEnterpriseRegistry
{
    /// <summary>
    /// What the register holds about <paramref name="number"/>. An unknown number is an answer
    /// (<see cref="RegistryAnswer.Found"/> false), not an exception. A part of the answer the register could
    /// not give is left out and named in <see cref="RegistryAnswer.FieldErrors"/>.
    /// </summary>
    /// <exception cref="RegistryException">The register refused the request or could not answer it; <see cref="RegistryException.IsTransient"/> says whether a later try can help.</exception>
    Task<RegistryAnswer> LookupAsync(OrganisationNumber number, CancellationToken ct);
}
