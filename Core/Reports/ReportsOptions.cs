namespace Integration.Core.Reports;

/// <summary>Section <c>Reports</c>: what happens with the weekly status report beyond the library.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary><c>Reports__RegisterInCaseSystem</c>: register each week's report as a document on the network's case.</summary>
    public bool RegisterInCaseSystem { get; set; }
}
