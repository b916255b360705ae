using System.Diagnostics.CodeAnalysis;

namespace Integration.Core.Enterprises;

/// <summary>
/// What identifies an enterprise in the register: an <see cref="OrganisationNumber"/>, or for a sole
/// trader the owner's <see cref="PersonalIdentityNumber"/>. <see cref="Shown"/> is the only text form
/// (a personal identity number masked); <see cref="NumberKeying"/> gives the key duplicates are found by.
/// </summary>
public sealed class EnterpriseNumber
{
    private EnterpriseNumber(OrganisationNumber? organisation, PersonalIdentityNumber? personal)
    {
        Organisation = organisation;
        Personal = personal;
    }

    public OrganisationNumber? Organisation { get; }

    public PersonalIdentityNumber? Personal { get; }

    public bool IsPersonal => Personal is not null;

    /// <summary><c>NNNNNN-NNNN</c>, or <c>YYMMDD-****</c> for a personal identity number.</summary>
    public string Shown => Organisation?.ToString() ?? Personal!.Masked;

    /// <summary>Overridden so that nothing that formats one can show more than <see cref="Shown"/>.</summary>
    public override string ToString() => Shown;

    /// <param name="error">Why it is neither; never quotes the value, which may be a personal identity number.</param>
    public static bool TryParse([NotNullWhen(true)] string? value, DateOnly today, [NotNullWhen(true)] out EnterpriseNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        if (OrganisationNumber.TryParse(value, out var organisation, out error))
        {
            number = new EnterpriseNumber(organisation, null);
            return true;
        }

        if (PersonalIdentityNumber.TryParse(value, today, out var personal, out _))
        {
            number = new EnterpriseNumber(null, personal);
            error = null;
            return true;
        }

        return false;
    }
}
