using Integration.Core.Enterprises;

namespace Integration.Core.Registry;

/// <summary>
/// The register's answer about one number. <see cref="Organisations"/> usually holds one organisation;
/// a number can carry several registered businesses (a sole trader's firms, told apart by
/// <see cref="RegisteredOrganisation.NameProtectionSerial"/>). Empty when the number is unknown.
/// </summary>
/// <param name="FieldErrors">Parts of the answer the register could not give, each with its own reason.</param>
public sealed record RegistryAnswer(
    OrganisationNumber Number,
    IReadOnlyList<RegisteredOrganisation> Organisations,
    IReadOnlyList<RegistryFieldError> FieldErrors)
{
    /// <summary>Whether the register knows the number.</summary>
    public bool Found => Organisations.Count > 0;

    /// <summary>The first organisation, or null when the number is unknown.</summary>
    public RegisteredOrganisation? Organisation => Organisations.Count > 0 ? Organisations[0] : null;

    /// <summary>
    /// False when a part of the answer is missing because a source behind the register did not answer
    /// (<see cref="RegistryFieldError.IsSourceUnavailable"/>): such an answer is worth asking again sooner.
    /// </summary>
    public bool IsComplete => !FieldErrors.Any(e => e.IsSourceUnavailable);
}

/// <summary>
/// One organisation as the register holds it. Every part is null when the register has none or could not
/// give it (see <see cref="RegistryAnswer.FieldErrors"/>). The postal address is not read: a sole trader's
/// is often a home address.
/// </summary>
/// <param name="Name">The business name (företagsnamn), or the first name given when none is marked as it.</param>
/// <param name="LegalForm">Bolagsverket's organisationsform, e.g. <c>AB</c> Aktiebolag.</param>
/// <param name="TaxLegalForm">SCB's juridisk form (Skatteverket's code list), e.g. <c>49</c> Övriga aktiebolag; the only form of a body Bolagsverket does not register.</param>
/// <param name="RegisteredOn">When the organisation was registered.</param>
/// <param name="DeregisteredOn">When it was removed from the register (avregistrerad); null while it is registered.</param>
/// <param name="DeregistrationReason">Why, e.g. <c>LIAV</c> Likvidation, <c>KKAV</c> Konkurs, <c>FUAV</c> Fusion.</param>
/// <param name="Proceedings">Ongoing winding-up or restructuring (pågående avvecklings- eller omstruktureringsförfarande): bankruptcy, liquidation, reconstruction.</param>
/// <param name="IsActive">SCB's verksam organisation: whether it is active; null when not given.</param>
/// <param name="IndustryCodes">SNI codes (Swedish Standard Industrial Classification), main activity first.</param>
/// <param name="NameProtectionSerial">Namnskyddslöpnummer: tells apart several businesses under one number.</param>
public sealed record RegisteredOrganisation(
    string? Name,
    RegistryCode? LegalForm,
    RegistryCode? TaxLegalForm,
    DateOnly? RegisteredOn,
    DateOnly? DeregisteredOn,
    RegistryCode? DeregistrationReason,
    IReadOnlyList<RegistryProceeding> Proceedings,
    bool? IsActive,
    IReadOnlyList<RegistryCode> IndustryCodes,
    int? NameProtectionSerial)
{
    /// <summary>Where the organisation stands: deregistered first, then bankruptcy, liquidation, reconstruction.</summary>
    public RegisterStatus Status =>
        DeregisteredOn is not null ? RegisterStatus.Deregistered
        : Proceedings.Any(p => p.Kind == ProceedingKind.Bankruptcy) ? RegisterStatus.Bankrupt
        : Proceedings.Any(p => p.Kind == ProceedingKind.Liquidation) ? RegisterStatus.InLiquidation
        : Proceedings.Any(p => p.Kind == ProceedingKind.Reconstruction) ? RegisterStatus.InReconstruction
        : RegisterStatus.Registered;
}

/// <summary>A code and its text as the register gives them (kod, klartext).</summary>
public sealed record RegistryCode(string Code, string? Text);

/// <summary>An ongoing proceeding, e.g. <c>KK</c> Konkurs from 2024-01-26.</summary>
public sealed record RegistryProceeding(RegistryCode Code, DateOnly? From)
{
    /// <summary>What kind of proceeding the code (or, for a code not known here, its text) names.</summary>
    public ProceedingKind Kind => Code.Code.ToUpperInvariant() switch
    {
        "KK" => ProceedingKind.Bankruptcy,
        "LI" => ProceedingKind.Liquidation,
        "FR" => ProceedingKind.Reconstruction,
        _ when Mentions("konkurs") => ProceedingKind.Bankruptcy,
        _ when Mentions("likvidation") => ProceedingKind.Liquidation,
        _ when Mentions("rekonstruktion") => ProceedingKind.Reconstruction,
        _ => ProceedingKind.Other,
    };

    private bool Mentions(string word) => Code.Text?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;
}

public enum ProceedingKind
{
    Other,

    /// <summary>Konkurs.</summary>
    Bankruptcy,

    /// <summary>Likvidation.</summary>
    Liquidation,

    /// <summary>Företagsrekonstruktion.</summary>
    Reconstruction,
}

/// <summary>Where a registered organisation stands, most serious first when several apply.</summary>
public enum RegisterStatus
{
    Registered,

    /// <summary>Removed from the register (avregistrerad).</summary>
    Deregistered,

    /// <summary>In bankruptcy (konkurs).</summary>
    Bankrupt,

    /// <summary>In liquidation (likvidation).</summary>
    InLiquidation,

    /// <summary>In company reconstruction (företagsrekonstruktion).</summary>
    InReconstruction,
}

/// <summary>
/// A part of the answer the register did not give (a <c>fel</c>): which part, the error type
/// (e.g. <c>ORGANISATION_FINNS_EJ</c>, <c>OTILLGANGLIG_UPPGIFTSKALLA</c>, <c>TIMEOUT</c>,
/// <c>OGILTIG_BEGARAN</c>), the register's description, and which source (dataproducent) it came from.
/// </summary>
public sealed record RegistryFieldError(string Part, string Type, string? Description, string? Producer)
{
    public const string NotFound = "ORGANISATION_FINNS_EJ";
    public const string InvalidRequest = "OGILTIG_BEGARAN";
    public const string SourceUnavailable = "OTILLGANGLIG_UPPGIFTSKALLA";
    public const string Timeout = "TIMEOUT";

    /// <summary>The source behind the register did not answer; asking later may give the part.</summary>
    public bool IsSourceUnavailable => Type is SourceUnavailable or Timeout;
}
