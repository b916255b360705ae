using System.Diagnostics.CodeAnalysis;

namespace Integration.Core.Enterprises;

/// <summary>
/// An organisation number (organisationsnummer): the ten digits Bolagsverket, Skatteverket or SCB give a
/// legal person (a company, an association, a foundation, a public body), written <c>NNNNNN-NNNN</c>,
/// such as <c>556016-0680</c>. The tenth digit is a Luhn check digit over the nine before it, and the
/// third digit is at least 2: a lower one is the month of a personal identity number
/// (<see cref="PersonalIdentityNumber"/>), which is how a sole trader (enskild näringsidkare) is known.
/// <para>
/// Read leniently, written one way: surrounding space is trimmed, the hyphen may be missing or be a
/// typographic dash, and the 12-digit form with the prefix <c>16</c> (<c>16556016-0680</c>, used where
/// personal identity numbers are written with their century) is taken. The canonical form is
/// <c>NNNNNN-NNNN</c>; two numbers are equal when their digits are.
/// </para>
/// <para>
/// A refusal's reason never quotes the value: a value refused here may be a personal identity number.
/// </para>
/// </summary>
public sealed class OrganisationNumber : IEquatable<OrganisationNumber>
{
    /// <summary>The prefix of the 12-digit form, in the place where a personal identity number has its century.</summary>
    public const string TwelveDigitPrefix = "16";

    private OrganisationNumber(string digits) => Digits = digits;

    /// <summary>The ten digits without a hyphen, e.g. <c>5560160680</c>: the form registers are asked with.</summary>
    public string Digits { get; }

    /// <exception cref="FormatException">It is not one; the message says why, without the value.</exception>
    public static OrganisationNumber Parse(string value) =>
        TryParse(value, out var number, out var error) ? number : throw new FormatException(error);

    /// <param name="error">When false, why: e.g. "Not an organisation number: the check digit is wrong."</param>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out OrganisationNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        var reason = Read(value, out var digits);
        if (reason is not null)
        {
            error = $"Not an organisation number: {reason}.";
            return false;
        }

        number = new OrganisationNumber(digits!);
        error = null;
        return true;
    }

    /// <summary>The canonical form, <c>NNNNNN-NNNN</c>.</summary>
    public override string ToString() => string.Concat(Digits.AsSpan(0, 6), "-", Digits.AsSpan(6));

    public bool Equals(OrganisationNumber? other) => other is not null && string.Equals(Digits, other.Digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as OrganisationNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Digits);

    public static bool operator ==(OrganisationNumber? left, OrganisationNumber? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(OrganisationNumber? left, OrganisationNumber? right) => !(left == right);

    /// <summary>The ten digits, or the reason there are none.</summary>
    private static string? Read(string? value, out string? digits)
    {
        digits = null;
        if (string.IsNullOrWhiteSpace(value)) return "it is empty";

        var text = SwedishNumberText.Normalise(value);
        if (!SwedishNumberText.TrySplit(text, out var body, out var separator, out var placed, out var shapeError)) return shapeError;
        if (separator == '+') return "it has a '+', which only a personal identity number has";

        if (body.Length == 12)
        {
            if (!body.StartsWith(TwelveDigitPrefix, StringComparison.Ordinal))
            {
                return body.StartsWith("19", StringComparison.Ordinal) || body.StartsWith("20", StringComparison.Ordinal)
                    ? "it has 12 digits starting with a century, the form of a personal identity number; a 12-digit organisation number starts with 16"
                    : "a 12-digit organisation number starts with 16";
            }

            body = body[2..];
        }
        else if (body.Length != 10)
        {
            return $"it has {body.Length} digits; an organisation number has 10 (NNNNNN-NNNN), or 12 with the prefix 16";
        }

        if (!placed) return SwedishNumberText.MisplacedSeparator;

        if (body[2] < '2') return $"its third digit is {body[2]}; a legal person's is at least 2 (a lower one makes it a personal identity number)";
        if (!Luhn.IsValid(body)) return "the check digit (the last digit) does not match the nine before it";

        digits = body;
        return null;
    }
}
