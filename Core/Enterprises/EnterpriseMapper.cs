using System.Text.RegularExpressions;
using Integration.Core.Privacy;
using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.Enterprises;

/// <summary>
/// Turns an item of the enterprise list into an <see cref="Enterprise"/>, or says in plain words why
/// it cannot be taken in. A reason never quotes the number (it may be a personal identity number) and
/// never the contact (it may be a person). A personal identity number typed into the name, the legal
/// form or the contact is stored masked (<see cref="PersonalNumberMask"/>).
/// </summary>
public sealed partial class EnterpriseMapper(ColumnNames columns, NumberKeying keying, bool allowPersonalIdentityNumbers)
{
    /// <summary>SharePoint's limit for a single line of text.</summary>
    public const int MaxTextLength = 255;

    public IReadOnlyList<MappedColumn> Mapping { get; } =
    [
        columns.Map(EnterpriseColumns.Name, EnterpriseColumns.NameDefault, required: true),
        columns.Map(EnterpriseColumns.OrganisationNumber, required: true), columns.Map(EnterpriseColumns.LegalForm),
        columns.Map(EnterpriseColumns.WiseCriteriaMet), columns.Map(EnterpriseColumns.Sector), columns.Map(EnterpriseColumns.Contact),
    ];

    /// <summary>The fields the mapper reads, for <c>$select</c>.</summary>
    public IReadOnlyCollection<string> Fields => field ??= [.. Mapping.Select(c => c.FieldName)];

    public string NumberField => columns[EnterpriseColumns.OrganisationNumber];

    /// <summary>The key of the item's number, used to find duplicates; null when it holds none, or one that is refused.</summary>
    public string? KeyOf(SharePointItem item, DateOnly today) =>
        EnterpriseNumber.TryParse(item.Text(NumberField), today, out var number, out _) ? keying.KeyOf(number) : null;

    /// <param name="others">The other items that hold the same number now.</param>
    public SourceMapping<Enterprise> Map(SharePointItem item, DateOnly today, IReadOnlyCollection<string> others)
    {
        string? Text(string column) => item.Text(Mapping.Single(c => c.Column == column).FieldName)?.Trim();
        string? FreeText(string column) => Text(column) is { } text ? PersonalNumberMask.Apply(text) : null;

        var name = FreeText(EnterpriseColumns.Name);
        if (name is null) return SourceMapping.Rejected<Enterprise>($"Name (column {Mapping[0].FieldName}) is missing.");
        if (name.Length > MaxTextLength) return SourceMapping.Rejected<Enterprise>($"Name is {name.Length} characters; the limit is {MaxTextLength}.");

        var raw = Text(EnterpriseColumns.OrganisationNumber);
        if (raw is null) return SourceMapping.Rejected<Enterprise>($"Organisation number (column {NumberField}) is missing.");
        if (!EnterpriseNumber.TryParse(raw, today, out var number, out var error))
        {
            return SourceMapping.Rejected<Enterprise>($"Organisation number (column {NumberField}): {error}");
        }

        if (number.IsPersonal && !allowPersonalIdentityNumbers)
        {
            return SourceMapping.Rejected<Enterprise>(
                $"Organisation number {number.Shown} is a personal identity number (a sole trader's); these are taken in only with Enterprises__AllowPersonalIdentityNumbers=true.");
        }

        if (others.Count > 0)
        {
            var ids = string.Join(", ", new[] { item.Id }.Concat(others).Order(StringComparer.Ordinal));
            return SourceMapping.Rejected<Enterprise>(
                $"Duplicate: items {ids} all have the number {number.Shown}. None of them is taken in until all but one are corrected or deleted.");
        }

        bool? wise = null;
        if (Text(EnterpriseColumns.WiseCriteriaMet) is { } rawWise)
        {
            if (!bool.TryParse(rawWise, out var met))
            {
                return SourceMapping.Rejected<Enterprise>($"WiseCriteriaMet {PersonalData.Quote(rawWise)} is not Yes/No.");
            }

            wise = met;
        }

        var sector = Text(EnterpriseColumns.Sector);
        if (sector is not null && !SniCode().IsMatch(sector))
        {
            return SourceMapping.Rejected<Enterprise>($"Sector {PersonalData.Quote(sector)} is not an SNI code such as 81.210 or 88990.");
        }

        var legalForm = FreeText(EnterpriseColumns.LegalForm);
        if (legalForm is { Length: > MaxTextLength }) return SourceMapping.Rejected<Enterprise>($"LegalForm is {legalForm.Length} characters; the limit is {MaxTextLength}.");
        var contact = FreeText(EnterpriseColumns.Contact);
        if (contact is { Length: > MaxTextLength }) return SourceMapping.Rejected<Enterprise>($"Contact is {contact.Length} characters; the limit is {MaxTextLength}.");

        return SourceMapping.Valid(new Enterprise(item.Id, name, number, legalForm, wise, sector, contact));
    }

    /// <summary>An SNI 2007 code: two digits for the division, up to three more, with or without the dot.</summary>
    [GeneratedRegex(@"^\d{2}(\.?\d{1,3})?$")]
    private static partial Regex SniCode();
}
