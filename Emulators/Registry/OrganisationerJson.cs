using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Integration.Emulators.Registry;

/// <summary>
/// Writes the answer to <c>POST /organisationer</c> in the published shape: <c>{"organisationer":[…]}</c>,
/// each part a wrapper with its value, <c>dataproducent</c> and <c>fel</c> (null, or {typ, felBeskrivning}),
/// a part with nothing registered (no deregistration, no proceedings, no advertising block) as null, and an
/// unknown number as one organisation whose every part says <c>ORGANISATION_FINNS_EJ</c>.
/// </summary>
internal static class OrganisationerJson
{
    private const string NotFoundText = "Den efterfrågade informationen gick inte att hitta.";
    private const string UnavailableText = "Uppgiftskällan är inte tillgänglig.";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    // Part name and its producer, in the order the API lists them.
    private static readonly (string Part, string Producer)[] Parts =
    [
        ("organisationsnamn", "Bolagsverket"),
        ("organisationsform", "Bolagsverket"),
        ("avregistreradOrganisation", "Bolagsverket"),
        ("avregistreringsorsak", "Bolagsverket"),
        ("pagaendeAvvecklingsEllerOmstruktureringsforfarande", "Bolagsverket"),
        ("juridiskForm", "SCB"),
        ("verksamOrganisation", "SCB"),
        ("organisationsdatum", "Bolagsverket"),
        ("verksamhetsbeskrivning", "Bolagsverket"),
        ("naringsgrenOrganisation", "SCB"),
    ];

    public static byte[] Write(string identity, RegisteredCompany? company, bool scbUnavailable)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("organisationer");
            json.WriteStartObject();
            json.WriteStartObject("organisationsidentitet");
            json.WriteString("identitetsbeteckning", identity);
            WriteCode(json, "typ", "ORGANISATIONSNUMMER", "Organisationsnummer");
            json.WriteEndObject();
            json.WriteNull("namnskyddslopnummer");
            if (company is null)
            {
                json.WriteNull("registreringsland");
                json.WriteNull("reklamsparr");
            }
            else
            {
                WriteCode(json, "registreringsland", "SE-LAND", "Sverige");
                json.WriteNull("reklamsparr");
            }

            foreach (var (part, producer) in Parts)
            {
                if (company is null || (company.ScbOnly && producer == "Bolagsverket"))
                {
                    WriteError(json, part, producer, "ORGANISATION_FINNS_EJ", NotFoundText);
                }
                else if (scbUnavailable && producer == "SCB")
                {
                    WriteError(json, part, producer, "OTILLGANGLIG_UPPGIFTSKALLA", UnavailableText);
                }
                else
                {
                    WritePart(json, part, producer, company);
                }
            }

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WritePart(Utf8JsonWriter json, string part, string producer, RegisteredCompany company)
    {
        switch (part)
        {
            case "avregistreradOrganisation" when company.DeregisteredOn is null:
            case "avregistreringsorsak" when company.DeregistrationReason is null:
            case "pagaendeAvvecklingsEllerOmstruktureringsforfarande" when company.Proceedings.Count == 0:
                json.WriteNull(part);
                return;
        }

        json.WriteStartObject(part);
        switch (part)
        {
            case "organisationsnamn":
                json.WriteStartArray("organisationsnamnLista");
                foreach (var (name, type) in company.OtherNames) WriteName(json, name, type, type == "SARSKILT_FORETAGSNAMN" ? "Särskilt företagsnamn" : type);
                WriteName(json, company.Name, "FORETAGSNAMN", "Företagsnamn");
                json.WriteEndArray();
                break;
            case "organisationsform":
                json.WriteString("kod", company.FormCode);
                json.WriteString("klartext", company.FormText);
                break;
            case "avregistreradOrganisation":
                json.WriteString("avregistreringsdatum", Instant(company.DeregisteredOn!.Value));
                break;
            case "avregistreringsorsak":
                json.WriteString("kod", company.DeregistrationReason!.Value.Code);
                json.WriteString("klartext", company.DeregistrationReason!.Value.Text);
                break;
            case "pagaendeAvvecklingsEllerOmstruktureringsforfarande":
                json.WriteStartArray("pagaendeAvvecklingsEllerOmstruktureringsforfarandeLista");
                foreach (var (code, text, from) in company.Proceedings)
                {
                    json.WriteStartObject();
                    json.WriteString("kod", code);
                    json.WriteString("klartext", text);
                    json.WriteString("fromDatum", Instant(from));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            case "juridiskForm":
                json.WriteString("kod", company.ScbOnly ? "81" : "49");
                json.WriteString("klartext", company.ScbOnly ? "Statliga enheter" : "Övriga aktiebolag");
                break;
            case "verksamOrganisation":
                json.WriteString("kod", company.Active ? "JA" : "NEJ");
                break;
            case "organisationsdatum":
                json.WriteString("registreringsdatum", company.RegisteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("infortHosScb", company.RegisteredOn.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case "verksamhetsbeskrivning":
                json.WriteString("beskrivning", "Bolaget ska bedriva arbetsintegrerande verksamhet.");
                break;
            case "naringsgrenOrganisation":
                json.WriteStartArray("sni");
                foreach (var (code, text) in company.Sni)
                {
                    json.WriteStartObject();
                    json.WriteString("kod", code);
                    json.WriteString("klartext", text);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
        }

        json.WriteString("dataproducent", producer);
        json.WriteNull("fel");
        json.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter json, string part, string producer, string type, string description)
    {
        json.WriteStartObject(part);
        json.WriteString("dataproducent", producer);
        json.WriteStartObject("fel");
        json.WriteString("typ", type);
        json.WriteString("felBeskrivning", description);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteName(Utf8JsonWriter json, string name, string typeCode, string typeText)
    {
        json.WriteStartObject();
        json.WriteString("namn", name);
        WriteCode(json, "organisationsnamntyp", typeCode, typeText);
        json.WriteString("registreringsdatum", "2010-03-15");
        json.WriteNull("verksamhetsbeskrivningSarskiltForetagsnamn");
        json.WriteEndObject();
    }

    private static void WriteCode(Utf8JsonWriter json, string name, string code, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("kod", code);
        json.WriteString("klartext", text);
        json.WriteEndObject();
    }

    // Dates of events come as instants at UTC midnight, as the API's own examples show them.
    private static string Instant(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00.000+00:00";
}
