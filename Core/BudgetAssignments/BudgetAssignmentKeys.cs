using Integration.Core.CaseSystem;
using Integration.Core.Storage;

namespace Integration.Core.BudgetAssignments;

/// <summary>How a case is keyed: by its diary number in canonical form, so two spellings of one number are one row.</summary>
public static class BudgetAssignmentKeys
{
    /// <summary>The diary-number families a case number is read as: the city's default, then the slashed one.</summary>
    public static readonly IReadOnlyList<DiaryNumberFormat> Formats = [DiaryNumberFormat.Default, DiaryNumberFormat.Slashed];

    public static string Of(DiaryNumber number) => TableKeys.Escape(number.ToString());

    /// <summary>Reads a case number in any of <see cref="Formats"/>; the error is the default family's.</summary>
    public static bool TryParse(string? value, out DiaryNumber? number, out string? error)
    {
        error = null;
        foreach (var format in Formats)
        {
            if (DiaryNumber.TryParse(value, format, out number, out var failure))
            {
                return true;
            }

            error ??= failure;
        }

        number = null;
        return false;
    }
}
