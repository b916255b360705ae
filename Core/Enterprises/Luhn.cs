namespace Integration.Core.Enterprises;

/// <summary>
/// The Luhn check digit (modulus 10 with the weights 2 and 1) that Swedish organisation numbers and
/// personal identity numbers carry as their tenth digit, computed over the nine digits before it.
/// </summary>
internal static class Luhn
{
    /// <summary>The check digit for nine ASCII digits.</summary>
    public static int CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            // The first digit is doubled, the second not, and so on; a product of two digits counts as their sum.
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>Whether the last of ten ASCII digits is the check digit of the nine before it.</summary>
    public static bool IsValid(ReadOnlySpan<char> tenDigits) =>
        tenDigits.Length == 10 && CheckDigit(tenDigits[..9]) == tenDigits[9] - '0';
}
