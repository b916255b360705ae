using Integration.Core.Privacy;
using Integration.Core.Sync.Problems;

namespace Integration.Core.Enterprises;

/// <summary>
/// The enterprise register's Swedish texts: what the night writes on an enterprise it cannot take in (an
/// error) or takes in with a column left out (a warning). A text never quotes the number (it may be a
/// personal identity number) nor the contact (it may be a person).
/// </summary>
public static class EnterpriseTexts
{
    public static ItemProblem NameMissing(string field) =>
        new($"Name (column {field}) is missing.", "Namn saknas. Fyll i kolumnen Namn.");

    public static ItemProblem NameTooLong(int length, int limit) =>
        new($"Name is {length} characters; the limit is {limit}.", $"Namnet är {length} tecken långt; högst {limit} får plats. Korta namnet.");

    public static ItemProblem NumberMissing(string field) =>
        new($"Organisation number (column {field}) is missing.",
            "Organisationsnummer saknas. Fyll i kolumnen Organisationsnummer med tio siffror, till exempel 559900-0014.");

    public static ItemProblem NumberInvalid(string field, string error) =>
        new($"Organisation number (column {field}): {error}",
            "Organisationsnumret är inte ett giltigt organisationsnummer. Kontrollera siffrorna mot Bolagsverket: tio siffror, NNNNNN-NNNN.");

    public static ItemProblem PersonalNumber(string shown) =>
        new($"Organisation number {shown} is a personal identity number (a sole trader's); these are taken in only with Enterprises__AllowPersonalIdentityNumbers=true.",
            "Numret är ett personnummer (en enskild firma). Sådana tas bara in om staden har bestämt det; kontakta samordnaren. Skriv inte personnummer i listan i onödan.");

    public static ItemProblem Duplicate(string ids, string shown) =>
        new($"Duplicate: items {ids} all have the number {shown}. None of them is taken in until all but one are corrected or deleted.",
            $"Samma organisationsnummer står på flera rader (id {ids}). Ingen av dem tas in förrän alla utom en är rättade eller borttagna.");

    public static ItemProblem WiseNotYesNo(string raw) =>
        new($"WiseCriteriaMet {PersonalData.Quote(raw)} is not Yes/No.",
            "Kolumnen Uppfyller Tillväxtverkets kriterier ska vara Ja eller Nej.");

    public static ItemProblem SectorNotSni(string raw) =>
        new($"Sector {PersonalData.Quote(raw)} does not start with an SNI code such as 81.210 or 88990; taken in without a sector.",
            $"SNI-koden {NetworkText.Quote(raw)} börjar inte med en SNI-kod, till exempel '81.210 Lokalvård'. Företaget är med i registret, men utan bransch tills koden är rättad.");

    public static ItemProblem TooLong(string column, string label, int length, int limit) =>
        new($"{column} is {length} characters; the limit is {limit}; taken in without it.",
            $"Kolumnen {label} är {length} tecken lång; högst {limit} får plats. Företaget är med i registret, men utan {label.ToLowerInvariant()} tills texten är kortad.");
}
