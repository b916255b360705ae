namespace Integration.Emulators.CaseSystem;

/// <summary>The cases a SIF stand-in started as a process is seeded with (<c>--case</c>).</summary>
public static class SifStandInCases
{
    /// <summary>Every seeded case is the network's: a general case (ALLM), being handled (B).</summary>
    public const string NetworkCaseTitle = "Nätverket för arbetsintegrerande sociala företag";

    /// <summary>Adds each case number as an open general case with the network's title.</summary>
    public static void Seed(SifStandIn standIn, IEnumerable<string> caseNumbers)
    {
        ArgumentNullException.ThrowIfNull(standIn);
        ArgumentNullException.ThrowIfNull(caseNumbers);
        foreach (var number in caseNumbers)
        {
            standIn.AddCase(number, NetworkCaseTitle, caseType: "ALLM", status: "B");
        }
    }
}
