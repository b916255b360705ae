using System.Globalization;
using Integration.Core.Privacy;
using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.Agreements;

/// <summary>
/// Turns an item of the agreements list into an <see cref="Agreement"/>, or says why it cannot be one:
/// a missing or unknown type, a value below zero or above <c>Agreements__MaxYearlyValue</c>, an end
/// before the start. Whether its enterprise is in the register is the source's question, asked after.
/// A personal identity number typed into the buying board is stored masked (<see cref="PersonalNumberMask"/>).
/// </summary>
public sealed class AgreementMapper(ColumnNames columns, AgreementTypeMap types, decimal maxYearlyValue, TimeZoneInfo siteTimeZone)
{
    public const int MaxTextLength = 255;

    public IReadOnlyList<MappedColumn> Mapping { get; } =
    [
        columns.MapLookup(AgreementColumns.Enterprise, required: true), columns.Map(AgreementColumns.AgreementType, required: true),
        columns.Map(AgreementColumns.BuyingBoard), columns.Map(AgreementColumns.YearlyValue, required: true),
        columns.Map(AgreementColumns.StartDate, required: true), columns.Map(AgreementColumns.EndDate),
    ];

    public IReadOnlyCollection<string> Fields => field ??= columns.WithDataProblem(Mapping.Select(c => c.FieldName));

    /// <summary>The list's column names, as configured.</summary>
    public ColumnNames Columns => columns;

    public string? EnterpriseLookupId(SharePointItem item) => item.Text(columns.LookupId(AgreementColumns.Enterprise))?.Trim();

    public SourceMapping<Agreement> Map(SharePointItem item)
    {
        string? Text(string column) => item.Text(columns[column])?.Trim();

        var enterprise = EnterpriseLookupId(item);
        if (enterprise is null) return SourceMapping.Rejected<Agreement>(AgreementTexts.EnterpriseMissing(columns[AgreementColumns.Enterprise]));
        if (!enterprise.All(char.IsAsciiDigit) || enterprise.Length is 0 or > 10)
        {
            return SourceMapping.Rejected<Agreement>(AgreementTexts.EnterpriseNotAnItem(enterprise));
        }

        var rawType = Text(AgreementColumns.AgreementType);
        if (!types.TryParse(rawType, out var type))
        {
            return SourceMapping.Rejected<Agreement>(rawType is null
                ? AgreementTexts.TypeMissing(types.Choices)
                : AgreementTexts.TypeUnknown(rawType, types.Choices));
        }

        var rawValue = Text(AgreementColumns.YearlyValue);
        if (rawValue is null) return SourceMapping.Rejected<Agreement>(AgreementTexts.ValueMissing());
        if (!decimal.TryParse(rawValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return SourceMapping.Rejected<Agreement>(AgreementTexts.ValueNotANumber(rawValue));
        }

        if (value < 0) return SourceMapping.Rejected<Agreement>(AgreementTexts.ValueNegative(Sek(value)));
        if (value > maxYearlyValue)
        {
            return SourceMapping.Rejected<Agreement>(AgreementTexts.ValueAboveCeiling(Sek(value), Sek(maxYearlyValue)));
        }

        var rawStart = Text(AgreementColumns.StartDate);
        if (rawStart is null) return SourceMapping.Rejected<Agreement>(AgreementTexts.StartMissing());
        if (!SharePointDates.TryParseCalendarDate(rawStart, siteTimeZone, out var start))
        {
            return SourceMapping.Rejected<Agreement>(AgreementTexts.StartNotADate(rawStart));
        }

        DateOnly? end = null;
        if (Text(AgreementColumns.EndDate) is { } rawEnd)
        {
            if (!SharePointDates.TryParseCalendarDate(rawEnd, siteTimeZone, out var parsed))
            {
                return SourceMapping.Rejected<Agreement>(AgreementTexts.EndNotADate(rawEnd));
            }

            if (parsed < start) return SourceMapping.Rejected<Agreement>(AgreementTexts.EndBeforeStart(Day(parsed), Day(start)));
            end = parsed;
        }

        var board = Text(AgreementColumns.BuyingBoard) is { } rawBoard ? PersonalNumberMask.Apply(rawBoard) : null;
        if (board is { Length: > MaxTextLength }) return SourceMapping.Rejected<Agreement>(AgreementTexts.BoardTooLong(board.Length, MaxTextLength));

        return SourceMapping.Valid(new Agreement(item.Id, enterprise, type, board, value, start, end));
    }

    private static string Sek(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture) + " SEK";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
