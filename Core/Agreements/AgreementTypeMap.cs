using System.Text;

namespace Integration.Core.Agreements;

/// <summary>Turns the AgreementType choice text into an <see cref="AgreementType"/>.</summary>
public sealed class AgreementTypeMap
{
    private readonly Dictionary<string, AgreementType> _byText = new(StringComparer.OrdinalIgnoreCase);

    public AgreementTypeMap(AgreementTypeOptions values)
    {
        Choices = [.. Entries(values).Select(e => Split(e.Text)).Where(s => s.Length > 0)
            .Select(s => s.FirstOrDefault(v => !v.Contains('/', StringComparison.Ordinal)) ?? s[0])];
        foreach (var (type, text) in Entries(values))
        {
            foreach (var value in Split(text)) _byText[value.Normalize(NormalizationForm.FormC)] = type;
        }
    }

    /// <summary>Compared trimmed and in Unicode's composed form, so a decomposed "Övrigt" is the same word.</summary>
    /// <summary>The values a person picks from, one per type: the first spelling of each that is not bilingual, for a Swedish text to name.</summary>
    public IReadOnlyList<string> Choices { get; }

    public bool TryParse(string? text, out AgreementType type) =>
        _byText.TryGetValue((text ?? "").Trim().Normalize(NormalizationForm.FormC), out type);

    internal static IEnumerable<string> Validate(AgreementTypeOptions values)
    {
        var seen = new Dictionary<string, AgreementType>(StringComparer.OrdinalIgnoreCase);
        foreach (var (type, text) in Entries(values))
        {
            var accepted = Split(text);
            if (accepted.Length == 0) yield return $"SharePoint__AgreementTypes__{type} must list at least one accepted value (separate several with ';').";
            foreach (var value in accepted)
            {
                if (seen.TryGetValue(value, out var other) && other != type) yield return $"SharePoint__AgreementTypes__{type} repeats '{value}', which already means {other}.";
                seen[value] = type;
            }
        }
    }

    private static (AgreementType Type, string? Text)[] Entries(AgreementTypeOptions values) =>
    [
        (AgreementType.Iop, values.Iop),
        (AgreementType.ReservedProcurement, values.ReservedProcurement),
        (AgreementType.DirectAward, values.DirectAward),
        (AgreementType.Other, values.Other),
    ];

    private static string[] Split(string? text) => (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
