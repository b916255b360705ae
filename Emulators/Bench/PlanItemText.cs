using System.Globalization;
using System.Text;

namespace Integration.Emulators.Bench;

/// <summary>
/// Swedish text for action-plan items, about the city buying from work-integration social enterprises
/// (arbetsintegrerande sociala företag). Sizes follow real lists: titles 30–120 characters, goals 80–400.
/// </summary>
internal static class PlanItemText
{
    public const int MinTitle = 30;
    public const int MaxTitle = 120;
    public const int MinGoal = 80;
    public const int MaxGoal = 400;

    /// <summary>The three bodies that lead the network, named most often.</summary>
    private static readonly string[] NetworkBodies =
        ["Arbetsmarknadsnämnden", "Stockholm Business Region AB", "Samordningsförbundet Stockholms stad"];

    private static readonly string[] OtherBodies =
    [
        "Socialnämnden", "Kulturnämnden", "Utbildningsnämnden", "Idrottsnämnden", "Trafiknämnden",
        "Exploateringsnämnden", "Fastighetsnämnden", "Servicenämnden", "Miljö- och hälsoskyddsnämnden", "Kommunstyrelsen",
        "Skarpnäcks stadsdelsnämnd", "Rinkeby-Kista stadsdelsnämnd", "Spånga-Tensta stadsdelsnämnd",
        "Södermalms stadsdelsnämnd", "Farsta stadsdelsnämnd", "Hässelby-Vällingby stadsdelsnämnd",
        "Enskede-Årsta-Vantörs stadsdelsnämnd", "Skärholmens stadsdelsnämnd",
        "Stockholm Vatten och Avfall AB", "Stockholmshem AB", "Familjebostäder AB", "Micasa Fastigheter i Stockholm AB",
    ];

    private static readonly string[] Actions =
    [
        "Kartlägga", "Ta fram riktlinjer för", "Genomföra en pilot med", "Utbilda stadens inköpare i", "Följa upp",
        "Samordna arbetet med", "Utveckla", "Införa", "Utvärdera", "Informera nämnder och bolag om",
        "Ta fram mätbara mål för", "Sprida goda exempel på", "Skapa en gemensam rutin för", "Förbereda",
        "Analysera behovet av", "Öka kunskapen om", "Bjuda in till dialog om",
    ];

    private static readonly string[] Topics =
    [
        "upphandling med sociala hänsyn", "reserverad upphandling för arbetsintegrerande sociala företag",
        "samarbete med arbetsintegrerande sociala företag", "idéburet offentligt partnerskap (IOP)",
        "lönestöd i sociala företag", "praktikplatser hos sociala företag", "uppföljning av mål i handlingsplanen",
        "stadens inköp från sociala företag", "sociala kriterier i ramavtal", "samverkan med Arbetsförmedlingen",
        "direktupphandling från sociala företag", "extratjänster och introduktionsjobb", "nyföretagande inom social ekonomi",
        "matchning av arbetssökande mot sociala företag", "sociala företag som underleverantörer",
    ];

    private static readonly string[] Districts =
    [
        "Skarpnäck", "Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen", "Norrmalm",
        "Östermalm", "Södermalm", "Enskede-Årsta-Vantör", "Farsta", "Hägersten-Älvsjö", "Skärholmen",
    ];

    private static readonly string[] Partners =
        ["Arbetsförmedlingen", "Coompanion Stockholm", "Samordningsförbundet", "Stockholm Business Region", "Region Stockholm"];

    private static readonly string[] Frequencies = ["varje tertial", "halvårsvis", "en gång per år", "kvartalsvis"];

    // Text from outside the Latin alphabet, as real lists hold now and then (~1%).
    private static readonly string[] Foreign = [" 🌱", " ✅", " – معلومات للشركات", " – دعم التوظيف 🤝", " 📈"];

    private static readonly string[] Assignments =
    [
        "Budget 2021: handlingsplan för arbetsintegrerande sociala företag",
        "Budget 2022: fler upphandlingar med sociala hänsyn",
        "Budget 2023: praktikplatser och lönestöd i sociala företag",
    ];

    public static string ResponsibleBody(Random random) => random.NextDouble() < 0.6
        ? Pick(random, NetworkBodies)
        : Pick(random, OtherBodies);

    /// <summary>An action and a topic, then up to two qualifiers that fit in 120 characters.</summary>
    public static string Title(Random random)
    {
        var title = new StringBuilder($"{Pick(random, Actions)} {Pick(random, Topics)}");
        // Every action and topic together are 30 characters or more today; this keeps it so if the lists change.
        while (title.Length < MinTitle)
        {
            title.Append(Qualifier(random));
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            AppendIfFits(title, Qualifier(random), MaxTitle);
        }

        if (random.NextDouble() < 0.01)
        {
            AppendIfFits(title, Pick(random, Foreign), MaxTitle);
        }

        return title.ToString();
    }

    /// <summary>A measurable goal or indicator: whole sentences up to a length drawn from 80–400.</summary>
    public static string Goal(Random random, DateOnly today)
    {
        var target = random.Next(MinGoal, MaxGoal + 1);
        var goal = new StringBuilder(GoalSentence(random, today.Year));
        while (goal.Length < target)
        {
            if (!AppendIfFits(goal, " " + GoalSentence(random, today.Year), MaxGoal))
            {
                break;
            }
        }

        return goal.ToString();
    }

    /// <summary>A diary number (diarienummer) such as <c>AMN 2021-0123-1.2</c>.</summary>
    public static string CaseNumber(Random random) => string.Create(
        CultureInfo.InvariantCulture,
        $"{(random.NextDouble() < 0.9 ? "AMN" : "KS")} {random.Next(2019, 2025)}-{random.Next(1, 1000):0000}-{random.Next(1, 4)}.{random.Next(1, 10)}");

    public static string BudgetAssignment(Random random)
    {
        var roll = random.NextDouble();
        return roll < 0.8 ? Assignments[0] : roll < 0.9 ? Assignments[1] : Assignments[2];
    }

    private static string Qualifier(Random random) => random.Next(8) switch
    {
        0 => $" i {Pick(random, Districts)}",
        1 => Invariant($" – etapp {random.Next(1, 5)}"),
        2 => Invariant($" inför {random.Next(2024, 2029)}"),
        3 => $" för {Pick(random, OtherBodies)}",
        4 => Invariant($" (delmål {random.Next(1, 8)}.{random.Next(1, 6)})"),
        5 => $" tillsammans med {Pick(random, Partners)}",
        6 => Invariant($" under kvartal {random.Next(1, 5)}"),
        _ => $" i samverkan med {Pick(random, NetworkBodies)}",
    };

    private static string GoalSentence(Random random, int year) => random.Next(10) switch
    {
        0 => Invariant($"Andelen av stadens inköp som går till arbetsintegrerande sociala företag ska öka till {random.Next(2, 15)} procent senast {year + random.Next(1, 4)}."),
        1 => Invariant($"Minst {random.Next(10, 300)} personer i lönestöd ska ha fått anställning eller praktik i ett socialt företag under {year}."),
        2 => Invariant($"Antalet upphandlingar med sociala hänsyn ska vara minst {random.Next(5, 60)} per år."),
        3 => Invariant($"Minst {random.Next(20, 400)} inköpare ska ha gått utbildningen i reserverad upphandling."),
        4 => Invariant($"{random.Next(1, 12)} nya IOP-avtal ska vara tecknade före utgången av {year + 1}."),
        5 => $"Uppföljning redovisas {Pick(random, Frequencies)} till {Pick(random, NetworkBodies)}.",
        6 => $"Indikator: antal praktikplatser hos sociala företag, mätt {Pick(random, Frequencies)}.",
        7 => "Målet följer av kommunfullmäktiges budget och stadens program för social hållbarhet.",
        8 => Invariant($"Utgångsläget kartläggs under kvartal {random.Next(1, 5)} och jämförs med föregående års nivå."),
        _ => $"Samråd sker med {Pick(random, OtherBodies)} och berörda stadsdelsnämnder.",
    };

    private static bool AppendIfFits(StringBuilder text, string more, int max)
    {
        if (text.Length + more.Length > max)
        {
            return false;
        }

        text.Append(more);
        return true;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
