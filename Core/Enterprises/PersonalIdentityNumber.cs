using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Integration.Core.Enterprises;

/// <summary>
/// A personal identity number (personnummer), or a coordination number (samordningsnummer) written the same
/// way: <c>YYMMDD-NNNC</c>, the birth date, a birth number and a Luhn check digit. A person of 100 or more
/// is written with <c>+</c> instead of <c>-</c>; the 12-digit forms <c>YYYYMMDDNNNC</c> and
/// <c>YYYYMMDD-NNNC</c> carry the century instead. A coordination number, given to people who are not or
/// were not registered in Sweden, adds 60 to the day. A sole trader (enskild näringsidkare) is known to
/// registers by the owner's personal identity number.
/// <para>
/// <b>Personal data.</b> The only string form is the masked <see cref="Masked"/> (<c>YYMMDD-****</c>), which
/// <see cref="ToString"/> returns too, so that a log line, an exception, a message or a notification that
/// formats one shows no more. The whole number is read only through <see cref="RevealDigits"/>, by the code
/// that must send or store it. A refusal's reason never quotes the value.
/// </para>
/// <para>
/// A 10-digit number is placed in the latest century in which the person is born by <c>today</c> (with
/// <c>+</c>: a hundred years before that), so parsing takes the day it is read on.
/// </para>
/// </summary>
[DebuggerDisplay("{Masked,nq}")]
public sealed class PersonalIdentityNumber : IEquatable<PersonalIdentityNumber>
{
    /// <summary>What a coordination number adds to the day of birth.</summary>
    public const int CoordinationDayOffset = 60;

    // YYYYMMDDNNNC, the day as written (a coordination number's day is over 60).
    private readonly string digits;

    private PersonalIdentityNumber(string digits, DateOnly birthDate, bool isCoordinationNumber)
    {
        this.digits = digits;
        BirthDate = birthDate;
        IsCoordinationNumber = isCoordinationNumber;
    }

    /// <summary>The date of birth (for a coordination number, with the 60 taken off the day).</summary>
    public DateOnly BirthDate { get; }

    /// <summary>Whether this is a coordination number (samordningsnummer), whose day is the day of birth plus 60.</summary>
    public bool IsCoordinationNumber { get; }

    /// <summary><c>YYMMDD-****</c>: the date part as written (a coordination number's day over 60), the rest hidden.</summary>
    public string Masked => string.Concat(digits.AsSpan(2, 6), "-****");

    /// <exception cref="FormatException">It is not one; the message says why, without the value.</exception>
    public static PersonalIdentityNumber Parse(string value, DateOnly today) =>
        TryParse(value, today, out var number, out var error) ? number : throw new FormatException(error);

    /// <param name="today">The day the number is read on, which places a 10-digit number in its century.</param>
    /// <param name="error">When false, why: e.g. "Not a personal identity number: the check digit is wrong."</param>
    public static bool TryParse([NotNullWhen(true)] string? value, DateOnly today, [NotNullWhen(true)] out PersonalIdentityNumber? number, [NotNullWhen(false)] out string? error)
    {
        number = null;
        var reason = Read(value, today, out var read);
        if (reason is not null)
        {
            error = $"Not a personal identity number: {reason}.";
            return false;
        }

        number = read!;
        error = null;
        return true;
    }

    /// <summary>
    /// The whole number, <c>YYYYMMDDNNNC</c> (12 digits, the form registers take). Personal data: for the code
    /// that must send or store it, never for a log, a message or a notification.
    /// </summary>
    public string RevealDigits() => digits;

    /// <summary>The masked form, <see cref="Masked"/>; never the whole number.</summary>
    public override string ToString() => Masked;

    public bool Equals(PersonalIdentityNumber? other) => other is not null && string.Equals(digits, other.digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PersonalIdentityNumber);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(digits);

    public static bool operator ==(PersonalIdentityNumber? left, PersonalIdentityNumber? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PersonalIdentityNumber? left, PersonalIdentityNumber? right) => !(left == right);

    private static string? Read(string? value, DateOnly today, out PersonalIdentityNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(value)) return "it is empty";
        if (!SwedishNumberText.TrySplit(SwedishNumberText.Normalise(value), out var body, out var separator, out var placed, out var shapeError)) return shapeError;
        if (body.Length is not (10 or 12)) return $"it has {body.Length} digits; a personal identity number has 10 (YYMMDD-NNNN) or 12 (YYYYMMDDNNNN)";
        if (!placed) return SwedishNumberText.MisplacedSeparator;
        if (body.Length == 12 && separator == '+') return "a '+' belongs only to the 10-digit form, where it marks a person of 100 or more";

        var ten = body.Length == 12 ? body[2..] : body;
        var month = Number(ten, 2);
        var writtenDay = Number(ten, 4);
        if (month is < 1 or > 12)
        {
            return ten[2] >= '2'
                ? $"its month is {month:00}; with a third digit of 2 or more it is an organisation number"
                : $"its month is {month:00}, which is not a month";
        }

        var coordination = writtenDay > CoordinationDayOffset;
        var day = coordination ? writtenDay - CoordinationDayOffset : writtenDay;
        if (day is < 1 or > 31) return $"its day is {writtenDay:00}, which is neither a day of the month nor one plus 60 (a coordination number)";
        if (!Luhn.IsValid(ten)) return "the check digit (the last digit) does not match the nine before it";

        int year;
        if (body.Length == 12)
        {
            year = Number(body, 0) * 100 + Number(body, 2);
            if (year < 1800) return "its century must be 18, 19 or 20";
        }
        else
        {
            year = LatestYear(Number(ten, 0), month, day, today);
            if (separator == '+') year -= 100;
        }

        if (day > DateTime.DaysInMonth(year, month)) return $"{year:0000}-{month:00} has no day {day}";
        var birth = new DateOnly(year, month, day);
        if (birth > today) return "its birth date is after today";

        number = new PersonalIdentityNumber(string.Concat(year.ToString("0000", CultureInfo.InvariantCulture).AsSpan(0, 2), ten), birth, coordination);
        return null;
    }

    /// <summary>The latest year ending in <paramref name="twoDigitYear"/> whose month and day are not after today.</summary>
    private static int LatestYear(int twoDigitYear, int month, int day, DateOnly today)
    {
        var year = today.Year / 100 * 100 + twoDigitYear;
        if (year > today.Year || (year == today.Year && (month > today.Month || (month == today.Month && day > today.Day)))) year -= 100;
        return year;
    }

    private static int Number(string text, int at) => (text[at] - '0') * 10 + (text[at + 1] - '0');
}
