using System.Globalization;
using System.Text.Json;
using Integration.Core.Enterprises;

namespace Integration.Core.Registry.Bolagsverket;

/// <summary>
/// Reads the answer to <c>POST /organisationer</c>: <c>{"organisationer":[…]}</c>, each organisation a set
/// of parts (organisationsnamn, organisationsform, avregistreradOrganisation, …). Each part is either null
/// (nothing registered, such as no deregistration), or an object with its value, its <c>dataproducent</c>
/// (Bolagsverket or SCB) and its own <c>fel</c> ({typ, felBeskrivning}) when that source could not give it.
/// An unknown number is still HTTP 200: its parts carry <c>fel.typ</c> <c>ORGANISATION_FINNS_EJ</c>. SCB's
/// parts can carry that type while Bolagsverket's hold values (a company SCB lacks), and Bolagsverket's
/// while SCB's hold values (a public body, registered by SCB only): the number is unknown only when no
/// part holds a value at all. Dates come as <c>2000-01-23</c>, as <c>2024-01-26T00:00:00.000+00:00</c>, or
/// (seen in the wild) as epoch milliseconds; all are read as the calendar date.
/// </summary>
internal static class OrganisationerAnswer
{
    // Parts that are plain values, not wrappers with a fel: they say nothing about whether the number is known.
    private static readonly HashSet<string> PlainParts = new(StringComparer.Ordinal) { "organisationsidentitet", "namnskyddslopnummer", "registreringsland" };

    /// <exception cref="RegistryException">The answer is not the expected shape, or says nothing but errors other than not found.</exception>
    public static RegistryAnswer Read(OrganisationNumber number, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("organisationer", out var list)
            || list.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw new RegistryException("The registry's answer has no 'organisationer' array.", isTransient: false);
        }

        var organisations = new List<RegisteredOrganisation>();
        var errors = new List<RegistryFieldError>();
        if (list.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in list.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object) continue;
                var reader = new PartReader(element, errors);
                var organisation = Organisation(reader, element);
                if (HoldsAnyValue(element)) organisations.Add(organisation);
            }
        }

        if (organisations.Count == 0 && errors.Count > 0 && !errors.Any(e => e.Type == RegistryFieldError.NotFound))
        {
            // Nothing but errors, and none of them says the number is unknown: no answer at all.
            var types = string.Join(", ", errors.Select(e => e.Type).Distinct(StringComparer.Ordinal));
            throw new RegistryException($"The registry gave no part of its answer ({types}).", isTransient: errors.All(e => e.IsSourceUnavailable));
        }

        return new RegistryAnswer(number, organisations, errors);
    }

    private static RegisteredOrganisation Organisation(PartReader parts, JsonElement element) => new(
        Name: parts.Get("organisationsnamn") is { } names ? Name(names) : null,
        LegalForm: parts.Get("organisationsform") is { } form ? Code(form) : null,
        TaxLegalForm: parts.Get("juridiskForm") is { } taxForm ? Code(taxForm) : null,
        RegisteredOn: parts.Get("organisationsdatum") is { } dates ? Date(dates, "registreringsdatum") : null,
        DeregisteredOn: parts.Get("avregistreradOrganisation") is { } deregistered ? Date(deregistered, "avregistreringsdatum") : null,
        DeregistrationReason: parts.Get("avregistreringsorsak") is { } reason ? Code(reason) : null,
        Proceedings: (parts.Get("pagaendeAvvecklingsEllerOmstruktureringsforfarande") ?? parts.Get("pagandeAvvecklingsEllerOmstruktureringsforfarande")) is { } ongoing
            ? Items(ongoing, "pagaendeAvvecklingsEllerOmstruktureringsforfarandeLista")
                .Concat(Items(ongoing, "pagandeAvvecklingsEllerOmstruktureringsforfarandeLista"))
                .Select(p => Code(p) is { } code ? new RegistryProceeding(code, Date(p, "fromDatum")) : null)
                .OfType<RegistryProceeding>()
                .ToList()
            : [],
        IsActive: parts.Get("verksamOrganisation") is { } active ? Text(active, "kod")?.ToUpperInvariant() switch { "JA" => true, "NEJ" => false, _ => null } : null,
        IndustryCodes: parts.Get("naringsgrenOrganisation") is { } industry ? Items(industry, "sni").Select(Code).OfType<RegistryCode>().ToList() : [],
        NameProtectionSerial: element.TryGetProperty("namnskyddslopnummer", out var serial) && serial.ValueKind == JsonValueKind.Number && serial.TryGetInt32(out var value) ? value : null);

    /// <summary>The business name (FORETAGSNAMN), or the first name when none is marked as it.</summary>
    private static string? Name(JsonElement names)
    {
        var all = Items(names, "organisationsnamnLista").ToList();
        var chosen = all.FirstOrDefault(n => n.TryGetProperty("organisationsnamntyp", out var type) && type.ValueKind == JsonValueKind.Object
            && string.Equals(Text(type, "kod"), "FORETAGSNAMN", StringComparison.OrdinalIgnoreCase));
        var name = Text(chosen.ValueKind == JsonValueKind.Object ? chosen : all.FirstOrDefault(), "namn");
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static bool HoldsAnyValue(JsonElement organisation) =>
        organisation.EnumerateObject().Any(part => !PlainParts.Contains(part.Name) && part.Value.ValueKind == JsonValueKind.Object
            && (!part.Value.TryGetProperty("fel", out var fel) || fel.ValueKind == JsonValueKind.Null));

    private static RegistryCode? Code(JsonElement element) =>
        Text(element, "kod") is { Length: > 0 } code ? new RegistryCode(code, Text(element, "klartext")) : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    private static DateOnly? Date(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var milliseconds))
        {
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Gives a part's object when it holds a value; records its <c>fel</c> when it has one.</summary>
    private sealed class PartReader(JsonElement organisation, List<RegistryFieldError> errors)
    {
        public JsonElement? Get(string part)
        {
            if (!organisation.TryGetProperty(part, out var value) || value.ValueKind != JsonValueKind.Object) return null;
            if (value.TryGetProperty("fel", out var fel) && fel.ValueKind == JsonValueKind.Object)
            {
                errors.Add(new RegistryFieldError(part, Text(fel, "typ") ?? "UNKNOWN", Text(fel, "felBeskrivning"), Text(value, "dataproducent")));
                return null;
            }

            return value;
        }
    }
}
