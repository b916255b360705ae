using System.Globalization;
using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>
/// The <c>parameter</c> object of a call, read as a .NET service binds it: property names in any case,
/// numbers and booleans also as strings. A value of the wrong kind is a business error naming the field.
/// </summary>
internal readonly struct SifParameter(JsonElement element, LargeStrings? large = null)
{
    public static SifParameter Empty { get; } = new(JsonDocument.Parse("{}").RootElement.Clone());

    public JsonElement Element => element;

    /// <summary>The property's value, or null when it is missing or JSON null.</summary>
    public JsonElement? Get(string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.Null ? null : property.Value;
            }
        }

        return null;
    }

    /// <summary>True when the property holds something: not missing, null, an empty string or an empty array.</summary>
    public bool IsGiven(string name) => Get(name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.String } v => v.GetString()!.Length > 0,
        { ValueKind: JsonValueKind.Array } v => v.GetArrayLength() > 0,
        _ => true,
    };

    public string? String(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => throw Wrong(name, "text"),
    };

    /// <summary>A string that must be there and not blank.</summary>
    public string Required(string name) =>
        String(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : throw new SifBusinessException($"{name} is required.");

    public int? Int(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var n) => n,
        { ValueKind: JsonValueKind.String } v when int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        { ValueKind: JsonValueKind.String } v when string.IsNullOrWhiteSpace(v.GetString()) => null,
        _ => throw Wrong(name, "a whole number"),
    };

    public bool Bool(string name) => Get(name) switch
    {
        null => false,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } v when bool.TryParse(v.GetString(), out var b) => b,
        _ => throw Wrong(name, "true or false"),
    };

    public DateTimeOffset? Date(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v when string.IsNullOrWhiteSpace(v.GetString()) => null,
        { ValueKind: JsonValueKind.String } v when DateTimeOffset.TryParse(
            v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) => date,
        _ => throw Wrong(name, "a date such as 2021-03-15T00:00:00Z"),
    };

    public SifParameter? Object(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } v => new SifParameter(v, large),
        _ => throw Wrong(name, "an object"),
    };

    public IReadOnlyList<SifParameter> Objects(string name)
    {
        if (Get(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Object))
        {
            throw Wrong(name, "a list of objects");
        }

        var table = large;
        return [.. value.EnumerateArray().Select(v => new SifParameter(v, table))];
    }

    /// <summary><c>[{"Name": …, "Value": …}]</c> pairs, as <c>AdditionalFields</c> carries them; a name given twice is refused.</summary>
    public IReadOnlyDictionary<string, string?> NameValues(string name)
    {
        var pairs = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Objects(name))
        {
            var key = pair.Required("Name");
            if (!pairs.TryAdd(key, pair.String("Value")))
            {
                throw new SifBusinessException($"{name} names '{key}' more than once.");
            }
        }

        return pairs;
    }

    /// <summary>A file's content from base64 text or a byte array; null when the field is missing.</summary>
    public FileDigest? Content(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => large is not null && large.TryGet(text, out var raw)
            ? FileDigest.OfBase64(raw, name)
            : FileDigest.OfBase64(text, name),
        { ValueKind: JsonValueKind.Array } bytes => FileDigest.OfByteArray(bytes, name),
        _ => throw new SifBusinessException($"{name} must be base64 text or an array of byte values (0-255)."),
    };

    /// <summary>An <c>ExternalId</c>-shaped object <c>{Id, Type}</c>, or null when it is missing or has no id.</summary>
    public SifExternalId? ExternalId(string name) =>
        Object(name) is { } id && id.String("Id") is { Length: > 0 } value ? new SifExternalId(value, id.String("Type")) : null;

    private static SifBusinessException Wrong(string name, string expected) => new($"{name} must be {expected}.");
}
