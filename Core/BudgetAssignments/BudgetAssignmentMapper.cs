using System.Globalization;
using Integration.Core.CaseSystem;
using Integration.Core.Privacy;
using Integration.Core.Sync;

namespace Integration.Core.BudgetAssignments;

/// <summary>
/// Maps a case to a <see cref="BudgetAssignment"/>, or gives the reason it cannot be one: a case
/// number that is not a diary number, a budget year that is missing or not a year, a deadline that
/// is not an ISO 8601 date. A case without a deadline is an assignment without one.
/// </summary>
public sealed class BudgetAssignmentMapper(BudgetAssignmentOptions options)
{
    private static readonly string[] DateTimeForms = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    public SourceMapping<BudgetAssignment> Map(CaseFeedItem item)
    {
        var record = item.Case;
        if (item.DiaryNumber is not { } number)
        {
            return SourceMapping.Rejected<BudgetAssignment>($"Case number: {item.NumberError}");
        }

        var rawYear = Field(record, options.BudgetYearField);
        if (rawYear is null)
        {
            return SourceMapping.Rejected<BudgetAssignment>($"Budget year (custom field {options.BudgetYearField}) is missing.");
        }

        if (!int.TryParse(rawYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || rawYear.Length != 4 || year < 1900)
        {
            return SourceMapping.Rejected<BudgetAssignment>($"Budget year (custom field {options.BudgetYearField}) {PersonalData.Quote(rawYear)} is not a year such as 2021.");
        }

        DateOnly? deadline = null;
        if (Field(record, options.DeadlineField) is { } rawDeadline)
        {
            if (!TryParseDate(rawDeadline, out var date))
            {
                return SourceMapping.Rejected<BudgetAssignment>($"Deadline (custom field {options.DeadlineField}) {PersonalData.Quote(rawDeadline)} is not an ISO 8601 date such as 2021-12-31.");
            }

            deadline = date;
        }

        var partners = (Field(record, options.PartnersField) ?? "")
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        return SourceMapping.Valid(new BudgetAssignment(
            number,
            record.Title?.Trim() ?? "",
            year,
            Blank(record.ResponsibleBoard),
            partners,
            deadline,
            Blank(record.Status),
            record.Closed ?? false,
            record.LastChanged,
            Blank(record.Url)));
    }

    /// <summary>
    /// A calendar date in ISO 8601: <c>2021-12-31</c>, or a local midnight such as
    /// <c>2021-12-31T00:00:00</c> as a date field may come back. An instant with an offset, or any
    /// other time of day, could fall on either side of midnight and is refused as ambiguous.
    /// </summary>
    public static bool TryParseDate(string value, out DateOnly date)
    {
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)) return true;
        if (DateTime.TryParseExact(text, DateTimeForms, CultureInfo.InvariantCulture, DateTimeStyles.None, out var midnight) && midnight.TimeOfDay == TimeSpan.Zero)
        {
            date = DateOnly.FromDateTime(midnight);
            return true;
        }

        date = default;
        return false;
    }

    private static string? Field(CaseRecord record, string name) =>
        record.CustomFields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
