using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Integration.Core.SharePoint;

/// <summary>
/// Reads list-item field values as Graph delivers them. The SDK hands untyped JSON back as
/// Kiota <see cref="UntypedNode"/>s (or plain CLR values when a caller built the set), and
/// SharePoint sends numbers sometimes with, sometimes without a decimal point.
/// </summary>
public static class FieldValues
{
    /// <summary>The value as text, or null when the column is absent, null or blank.</summary>
    public static string? GetText(IDictionary<string, object>? fields, string name)
    {
        if (fields is null || !fields.TryGetValue(name, out var value)) return null;
        var text = AsText(value);
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    internal static string? AsText(object? value) => value switch
    {
        null or UntypedNull => null,
        string s => s,
        UntypedString s => s.GetValue(),
        UntypedBoolean b => b.GetValue() ? "true" : "false",
        UntypedInteger i => i.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedLong l => l.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDouble d => d.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedFloat f => f.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedDecimal m => m.GetValue().ToString(CultureInfo.InvariantCulture),
        UntypedNode node => Json(node),
        JsonElement e when e.ValueKind == JsonValueKind.String => e.GetString(),
        JsonElement e when e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonElement e => e.GetRawText(),
        bool b => b ? "true" : "false",
        // Kiota turns date-looking strings into DateTime; give them back in ISO form.
        DateTime d when d.Kind == DateTimeKind.Utc => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Arrays and objects (multi-value person or lookup columns) as their JSON text.</summary>
    private static string Json(UntypedNode node)
    {
        using var reader = new StreamReader(KiotaJsonSerializer.SerializeAsStream(node, serializeOnlyChangedValues: false));
        return reader.ReadToEnd();
    }
}
