using System.Globalization;
using Integration.Core.Agreements;
using Integration.Core.Enterprises;
using Integration.Core.SharePoint;
using Integration.Emulators.Graph;
using Integration.Emulators.Registry;

namespace Integration.Cli.Demo;

/// <summary>
/// The network's social-enterprise register as a demo: 22 enterprises in the list, of which 16 are
/// sound, the others what registrars meet (a wrong check digit, letters, eleven digits, a sole
/// trader's personal identity number where none is allowed, and one enterprise entered twice); 13
/// agreements with the city, three of them wrong; and the company register (the Bolagsverket
/// stand-in) knowing the 16, one of them deregistered while its agreement runs. Every name is
/// invented, every organisation number is in the 559900 series with a correct check digit, and the
/// personal identity number is Skatteverket's published test number 121212-1212.
/// </summary>
public static class DemoRegister
{
    public const string EnterpriseListName = "Sociala företag";
    public const string AgreementListName = "Avtal med staden";

    /// <summary>The enterprise the register calls deregistered (avregistrerad) while it has an active agreement.</summary>
    public const string Deregistered = "Tryckeriet Telefonplan";

    /// <summary>Skatteverket's test personnummer (Tolvan Tolvansson): a sole trader, never shown in clear.</summary>
    public const string SoleTraderNumber = "121212-1212";

    private const string Amn = DemoData.Amn;

    /// <summary>The sound enterprises: name, organisation number, meets the WISE criteria, SNI code.</summary>
    private static readonly (string Name, string Number, bool Wise, string Sector)[] Sound =
    [
        ("Gröna Hjärtat ekonomisk förening", "559900-0113", true, "81.300"),
        ("Returbruket Söder", "559900-0220", true, "47.790"),
        ("Kafé Kajen", "559900-0337", true, "56.101"),
        ("Cykelköket", "559900-0444", true, "95.290"),
        ("Trädgårdsverket i Skärholmen", "559900-0550", true, "81.300"),
        ("Syateljén Rinkeby", "559900-0667", true, "14.190"),
        // As people type it: the code with its name, which the night keeps apart.
        ("Städkollektivet", "559900-0774", true, "81.210 Lokalvård"),
        ("Matlaget Husby", "559900-0881", true, "56.290"),
        ("Snickeriet på Hornsberg", "559900-0998", true, "16.230"),
        ("Tvätteriet Tensta", "559900-1103", true, "96.010"),
        ("Kontorsservice Vårby", "559900-1210", false, "82.110"),
        ("Ateljé Återbruk", "559900-1327", false, "32.990"),
        ("Bageriet Bagarmossen", "559900-1434", true, "10.711"),
        ("Fixarna Farsta", "559900-1541", false, "43.390"),
        ("Flyttgänget Kista", "559900-1657", true, "49.420"),
        (Deregistered, "559900-1764", true, "18.120"),
    ];

    /// <summary>The list a registrar would be glad to see fixed: each goes to quarantine with its reason.</summary>
    private static readonly (string Name, string Number)[] Broken =
    [
        ("Pappersverkstan", "559900-0114"),
        ("Hantverkshuset", "5599AB-0221"),
        ("Gårdsbutiken", "55990003370"),
        ("Tolvans fönsterputs (enskild firma)", SoleTraderNumber),
        // Entered twice, once in the 12-digit form: neither wins silently.
        ("Flyttgänget", "559900-1871"),
        ("Flyttgänget i Stockholm", "16559900-1871"),
    ];

    public static (SharePointList Enterprises, SharePointList Agreements) Seed(SharePointSite site, DateOnly today, TimeZoneInfo timeZone)
    {
        var enterprises = site.AddList(EnterpriseListName)
            .DefineColumn(EnterpriseColumns.NameDefault, "Namn")
            .DefineColumn(EnterpriseColumns.OrganisationNumber, "Organisationsnummer")
            .DefineColumn(EnterpriseColumns.LegalForm, "Juridisk form")
            .DefineColumn(EnterpriseColumns.WiseCriteriaMet, "Uppfyller Tillväxtverkets kriterier", ColumnType.Boolean)
            .DefineColumn(EnterpriseColumns.Sector, "SNI-kod")
            .DefineColumn(EnterpriseColumns.Contact, "Kontakt")
            .DefineColumn(DataProblemColumn.Name, DataProblemColumn.DisplayName, ColumnType.MultilineText);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, number, wise, sector) in Sound) ids[name] = AddEnterprise(enterprises, name, number, wise, sector);
        foreach (var (name, number) in Broken) ids[name] = AddEnterprise(enterprises, name, number, true, "81.210");

        var agreements = site.AddList(AgreementListName)
            .DefineColumn(AgreementColumns.Enterprise, "Företag", ColumnType.Lookup)
            .DefineColumn(new ListColumn(AgreementColumns.AgreementType, "Avtalsform", ColumnType.Choice)
            {
                Choices = ["IOP", "Reserverad upphandling", "Direktupphandling", "Övrigt"],
            })
            .DefineColumn(AgreementColumns.BuyingBoard, "Köpande nämnd")
            .DefineColumn(AgreementColumns.YearlyValue, "Årsvärde (kr)", ColumnType.Number)
            .DefineColumn(AgreementColumns.StartDate, "Startdatum", ColumnType.DateOnly)
            .DefineColumn(AgreementColumns.EndDate, "Slutdatum", ColumnType.DateOnly)
            .DefineColumn(DataProblemColumn.Name, DataProblemColumn.DisplayName, ColumnType.MultilineText);

        void Agreement(string enterprise, string type, string board, int value, int startDays, int? endDays) =>
            agreements.Add(new Dictionary<string, object?>
            {
                [AgreementColumns.Enterprise + "LookupId"] = ids[enterprise].ToString(CultureInfo.InvariantCulture),
                [AgreementColumns.AgreementType] = type,
                [AgreementColumns.BuyingBoard] = board,
                [AgreementColumns.YearlyValue] = value,
                [AgreementColumns.StartDate] = SharePointDates.ToSharePointValue(today.AddDays(startDays), timeZone),
                [AgreementColumns.EndDate] = endDays is { } end ? SharePointDates.ToSharePointValue(today.AddDays(end), timeZone) : null,
            });

        Agreement("Gröna Hjärtat ekonomisk förening", "IOP", Amn, 850_000, -400, 330);
        Agreement("Returbruket Söder", "Reserverad upphandling", "Fastighetsnämnden", 1_200_000, -120, 600);
        Agreement("Kafé Kajen", "Direktupphandling", "Socialnämnden", 95_000, -30, 60);
        Agreement("Cykelköket", "Reserverad upphandling", "Trafiknämnden", 640_000, -200, 165);
        Agreement("Trädgårdsverket i Skärholmen", "Idéburet offentligt partnerskap", "Skärholmens stadsdelsnämnd", 300_000, -500, -100);
        Agreement("Syateljén Rinkeby", "Övrigt", "Kulturnämnden", 60_000, -60, null);
        Agreement("Städkollektivet", "Reserverad upphandling", Amn, 2_400_000, -700, 30);
        Agreement("Matlaget Husby", "Direktupphandling", "Utbildningsnämnden", 180_000, 20, 385);
        Agreement(Deregistered, "Direktupphandling", "Socialnämnden", 120_000, -90, 275);
        Agreement("Bageriet Bagarmossen", "IOP", "Socialnämnden", 500_000, -10, 720);

        // Three the network must fix: an enterprise in quarantine, an end before the start, a type no one configured.
        Agreement("Flyttgänget", "Direktupphandling", Amn, 75_000, -20, 100);
        Agreement("Fixarna Farsta", "Reserverad upphandling", "Fastighetsnämnden", 400_000, 0, -30);
        Agreement("Snickeriet på Hornsberg", "Ramavtal", "Idrottsnämnden", 250_000, -40, 300);
        return (enterprises, agreements);
    }

    /// <summary>The company register knows the sound enterprises; the last one is deregistered since 45 days.</summary>
    public static void SeedRegistry(BolagsverketStandIn registry, DateOnly today)
    {
        foreach (var (name, number, _, _) in Sound)
        {
            var company = new RegisteredCompany(number, name)
            {
                FormCode = "EK",
                FormText = "Ekonomisk förening",
            };
            if (name == Deregistered)
            {
                company = company with
                {
                    Name = "Tryckeriet Telefonplan ekonomisk förening",
                    Active = false,
                    DeregisteredOn = today.AddDays(-45),
                    DeregistrationReason = ("LIAV", "Likvidation"),
                };
            }

            registry.Add(company);
        }
    }

    private static int AddEnterprise(SharePointList list, string name, string number, bool wise, string sector) =>
        list.Add(new Dictionary<string, object?>
        {
            [EnterpriseColumns.NameDefault] = name,
            [EnterpriseColumns.OrganisationNumber] = number,
            [EnterpriseColumns.LegalForm] = number == SoleTraderNumber ? "Enskild näringsidkare" : "Ekonomisk förening",
            [EnterpriseColumns.WiseCriteriaMet] = wise,
            [EnterpriseColumns.Sector] = sector,
            [EnterpriseColumns.Contact] = "info@" + Slug(name) + ".example",
        });

    private static string Slug(string name) =>
        new([.. name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetterOrDigit).Take(20)]);
}
