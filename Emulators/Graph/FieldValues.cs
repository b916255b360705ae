using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Integration.Emulators.Graph;

/// <summary>Turns seed values into the JSON SharePoint would hold, and stored JSON back into plain values.</summary>
internal static class FieldValues
{
    /// <summary>The JSON for a seed value; null means "no value", which SharePoint leaves out of <c>fields</c>.</summary>
    public static JsonElement? ToJson(object? value, TimeZoneInfo siteTimeZone) => value switch
    {
        null => null,
        JsonElement element => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : element.Clone(),
        JsonNode node => JsonSerializer.SerializeToElement(node),
        DateTime dateTime => JsonSerializer.SerializeToElement(FormatInstant(AsUtc(dateTime))),
        DateTimeOffset instant => JsonSerializer.SerializeToElement(FormatInstant(instant)),
        DateOnly date => JsonSerializer.SerializeToElement(SharePointList.DateOnlyValue(date, siteTimeZone)),
        _ => JsonSerializer.SerializeToElement(value, value.GetType()),
    };

    /// <summary>Plain CLR shape of a stored value: string, long, double, bool, null, lists and dictionaries.</summary>
    public static object? ToClr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(ToClr).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToClr(p.Value)),
        _ => null,
    };

    /// <summary>SharePoint's date-time format: UTC, whole seconds, a Z.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // A value written without an offset sits in SharePoint as UTC.
    private static DateTimeOffset AsUtc(DateTime dateTime) => dateTime.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(dateTime.ToUniversalTime()),
        _ => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
    };
}
