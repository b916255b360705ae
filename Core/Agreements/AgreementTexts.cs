using Integration.Core.Privacy;
using Integration.Core.Sync.Problems;

namespace Integration.Core.Agreements;

/// <summary>The agreements' Swedish texts: what the night writes on an agreement it cannot take in, and how to fix it.</summary>
public static class AgreementTexts
{
    public static ItemProblem EnterpriseMissing(string field) =>
        new($"Enterprise (lookup column {field}) is missing.", "Företag saknas. Välj företaget i kolumnen Företag.");

    public static ItemProblem EnterpriseNotAnItem(string raw) =>
        new($"Enterprise {PersonalData.Quote(raw)} is not an item id of the enterprise list.", "Företaget kunde inte läsas. Välj företaget på nytt i kolumnen Företag.");

    public static ItemProblem TypeMissing(IReadOnlyList<string> choices) =>
        new("AgreementType is missing.", $"Avtalsform saknas. Välj en av: {string.Join(", ", choices)}.");

    public static ItemProblem TypeUnknown(string raw, IReadOnlyList<string> choices) =>
        new($"AgreementType {PersonalData.Quote(raw)} is not one of the accepted values (see SharePoint__AgreementTypes__*).",
            $"Avtalsformen {NetworkText.Quote(raw)} finns inte. Välj en av: {string.Join(", ", choices)}.");

    public static ItemProblem ValueMissing() =>
        new("YearlyValue is missing.", "Årsvärde saknas. Fyll i avtalets värde per år i kronor i kolumnen Årsvärde (kr).");

    public static ItemProblem ValueNotANumber(string raw) =>
        new($"YearlyValue {PersonalData.Quote(raw)} is not a number.", $"Årsvärdet {NetworkText.Quote(raw)} är inte ett tal. Skriv beloppet i kronor, utan mellanslag och valuta.");

    public static ItemProblem ValueNegative(string sek) =>
        new($"YearlyValue {sek} is negative.", "Årsvärdet är negativt. Skriv avtalets värde per år i kronor.");

    public static ItemProblem ValueAboveCeiling(string sek, string ceiling) =>
        new($"YearlyValue {sek} is above the ceiling of {ceiling} (Agreements__MaxYearlyValue); a typo is likelier than such an agreement.",
            "Årsvärdet är större än något avtal med ett socialt företag brukar vara, så det är troligen felskrivet. Kontrollera beloppet (kronor per år).");

    public static ItemProblem StartMissing() =>
        new("StartDate is missing.", "Startdatum saknas. Fyll i kolumnen Startdatum.");

    public static ItemProblem StartNotADate(string raw) =>
        new($"StartDate {PersonalData.Quote(raw)} is not a date.", $"Startdatumet {NetworkText.Quote(raw)} är inte ett datum. Välj datumet i kolumnen Startdatum.");

    public static ItemProblem EndNotADate(string raw) =>
        new($"EndDate {PersonalData.Quote(raw)} is not a date.", $"Slutdatumet {NetworkText.Quote(raw)} är inte ett datum. Välj datumet i kolumnen Slutdatum, eller lämna den tom för ett avtal som gäller tills vidare.");

    public static ItemProblem EndBeforeStart(string end, string start) =>
        new($"EndDate {end} is before StartDate {start}.", $"Slutdatumet {end} ligger före startdatumet {start}. Rätta något av dem.");

    public static ItemProblem BoardTooLong(int length, int limit) =>
        new($"BuyingBoard is {length} characters; the limit is {limit}.", $"Kolumnen Köpande nämnd är {length} tecken lång; högst {limit} får plats. Korta texten.");

    public static ItemProblem EnterpriseNotTaken(string enterpriseId, string why, string swedishWhy) =>
        new($"Enterprise (item {enterpriseId} of the enterprise list) {why}. The agreement is taken in, without an edit, on the first night after its enterprise is.",
            $"Företaget (rad {enterpriseId} i företagslistan) {swedishWhy}. Avtalet tas in natten efter att företaget har tagits in; rätta företaget, inte avtalet.");
}
