namespace Integration.Core.Enterprises;

/// <summary>How the social-enterprise register is read (section <c>Enterprises</c>).</summary>
public sealed class EnterprisesOptions
{
    public const string Section = "Enterprises";

    /// <summary>
    /// Whether a sole trader (enskild näringsidkare), known by the owner's personal identity number,
    /// is taken in. A personal identity number is personal data; without this it goes to quarantine.
    /// </summary>
    public bool AllowPersonalIdentityNumbers { get; set; }

    /// <summary>
    /// The secret key that keys a sole trader's number for finding duplicates (<see cref="NumberKeying"/>):
    /// a Key Vault reference in Azure, required there when <see cref="AllowPersonalIdentityNumbers"/> is
    /// true; unset, development storage uses a built-in local key. Never logged.
    /// </summary>
    public string? PersonalNumberKey { get; set; }
}
