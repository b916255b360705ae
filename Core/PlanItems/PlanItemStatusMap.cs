
namespace Integration.Core.PlanItems;

/// <summary>Turns the Status choice text a site uses ("Klar / Done") into a <see cref="PlanItemStatus"/>.</summary>
public sealed class PlanItemStatusMap
{
    private readonly Dictionary<string, PlanItemStatus> _byText = new(StringComparer.OrdinalIgnoreCase);

    public PlanItemStatusMap(PlanItemStatusOptions values)
    {
        Choices = [.. Entries(values).Select(e => Split(e.Text).ToList()).Where(s => s.Count > 0)
            .Select(s => s.FirstOrDefault(v => !v.Contains('/', StringComparison.Ordinal)) ?? s[0])];
        foreach (var (status, text) in Entries(values))
        {
            foreach (var value in Split(text))
            {
                _byText[value.Normalize(System.Text.NormalizationForm.FormC)] = status;
            }
        }
    }

    /// <summary>
    /// The values a person picks from, one per status in the plan's order: the first spelling of each
    /// that is not bilingual ("Pågår" rather than "Pågår / In progress"), for a Swedish text to name.
    /// </summary>
    public IReadOnlyList<string> Choices { get; private init; } = [];

    /// <summary>
    /// Compared after trimming and in Unicode's composed form (NFC), so a decomposed "Pågår" from
    /// another tool is the same word; invisible characters are not removed, and
    /// <see cref="Oddities"/> names them in the reason.
    /// </summary>
    public bool TryParse(string? text, out PlanItemStatus status) =>
        _byText.TryGetValue((text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC), out status);

    /// <summary>What makes a refused value look like an accepted one: invisible or control characters, by code point.</summary>
    public static string Oddities(string text)
    {
        var odd = text.Where(c => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control
                || c is '\u00a0')
            .Distinct()
            .Select(c => $"U+{(int)c:X4}")
            .ToList();
        return odd.Count == 0 ? "" : $"; it holds invisible characters ({string.Join(", ", odd)})";
    }

    internal static IEnumerable<string> Validate(PlanItemStatusOptions values)
    {
        var seen = new Dictionary<string, PlanItemStatus>(StringComparer.OrdinalIgnoreCase);
        foreach (var (status, text) in Entries(values))
        {
            var accepted = Split(text).ToList();
            if (accepted.Count == 0)
            {
                yield return $"SharePoint__PlanItemStatuses__{status} must list at least one accepted value (separate several with ';').";
            }

            foreach (var value in accepted)
            {
                if (seen.TryGetValue(value, out var other) && other != status)
                {
                    yield return $"SharePoint__PlanItemStatuses__{status} repeats '{value}', which already means {other}.";
                }

                seen[value] = status;
            }
        }
    }

    private static IEnumerable<(PlanItemStatus Status, string? Text)> Entries(PlanItemStatusOptions values) =>
    [
        (PlanItemStatus.NotStarted, values.NotStarted),
        (PlanItemStatus.InProgress, values.InProgress),
        (PlanItemStatus.Done, values.Done),
        (PlanItemStatus.Cancelled, values.Cancelled),
    ];

    private static string[] Split(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
