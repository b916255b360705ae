using System.Text.RegularExpressions;
using Integration.Core.Privacy;
using Integration.Core.SharePoint;
using Integration.Core.Sync;
using Integration.Core.Sync.Problems;

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
    public IReadOnlyCollection<string> Fields => field ??= columns.WithDataProblem(Mapping.Select(c => c.FieldName));

    /// <summary>The list's column names, as configured.</summary>
    public ColumnNames Columns => columns;

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
        if (name is null) return SourceMapping.Rejected<Enterprise>(EnterpriseTexts.NameMissing(Mapping[0].FieldName));
        if (name.Length > MaxTextLength) return SourceMapping.Rejected<Enterprise>(EnterpriseTexts.NameTooLong(name.Length, MaxTextLength));

        var raw = Text(EnterpriseColumns.OrganisationNumber);
        if (raw is null) return SourceMapping.Rejected<Enterprise>(EnterpriseTexts.NumberMissing(NumberField));
        if (!EnterpriseNumber.TryParse(raw, today, out var number, out var error))
        {
            return SourceMapping.Rejected<Enterprise>(EnterpriseTexts.NumberInvalid(NumberField, error!));
        }

        if (number.IsPersonal && !allowPersonalIdentityNumbers)
        {
            return SourceMapping.Rejected<Enterprise>(EnterpriseTexts.PersonalNumber(number.Shown));
        }

        if (others.Count > 0)
        {
            var ids = string.Join(", ", new[] { item.Id }.Concat(others).Order(StringComparer.Ordinal));
            return SourceMapping.Rejected<Enterprise>(EnterpriseTexts.Duplicate(ids, number.Shown));
        }

        bool? wise = null;
        if (Text(EnterpriseColumns.WiseCriteriaMet) is { } rawWise)
        {
            if (!bool.TryParse(rawWise, out var met))
            {
                return SourceMapping.Rejected<Enterprise>(EnterpriseTexts.WiseNotYesNo(rawWise));
            }

            wise = met;
        }

        var warnings = new List<ItemProblem>();
        var (sector, sectorName) = Sector(Text(EnterpriseColumns.Sector), warnings);
        var legalForm = Bounded(FreeText(EnterpriseColumns.LegalForm), EnterpriseColumns.LegalForm, "Juridisk form", warnings);
        var contact = Bounded(FreeText(EnterpriseColumns.Contact), EnterpriseColumns.Contact, "Kontakt", warnings);
        return SourceMapping.Valid(new Enterprise(item.Id, name, number, legalForm, wise, sector, contact) { SectorName = sectorName }, warnings);
    }

    // The descriptive columns do not keep an enterprise out: one that does not parse is left out and
    // said on the item, and the enterprise (and its agreements) are taken in.

    /// <summary>The SNI code and, where the list writes it after the code, its name; a value that is no code is a warning.</summary>
    private static (string? Code, string? Name) Sector(string? raw, List<ItemProblem> warnings)
    {
        if (raw is null) return (null, null);
        if (SniCode().Match(raw) is not { Success: true } sni)
        {
            warnings.Add(EnterpriseTexts.SectorNotSni(raw));
            return (null, null);
        }

        var name = sni.Groups["name"].Success ? PersonalNumberMask.Apply(sni.Groups["name"].Value.Trim()) : null;
        return (sni.Groups["code"].Value, name is { Length: > MaxTextLength } ? null : name);
    }

    /// <summary>A free text within SharePoint's single-line limit; a longer one is left out, with a warning.</summary>
    private static string? Bounded(string? text, string column, string label, List<ItemProblem> warnings)
    {
        if (text is not { Length: > MaxTextLength }) return text;
        warnings.Add(EnterpriseTexts.TooLong(column, label, text.Length, MaxTextLength));
        return null;
    }

    /// <summary>
    /// An SNI 2007 code (two digits for the division, up to three more, with or without the dot),
    /// optionally followed by its name as SCB publishes it ("81.210 Lokalvård", "88.990 - Öppna sociala insatser").
    /// </summary>
    [GeneratedRegex(@"^(?<code>\d{2}(\.?\d{1,3})?)(?:(?:\s*[-–:]\s*|\s+)(?<name>\D.*))?$")]
    private static partial Regex SniCode();
}
