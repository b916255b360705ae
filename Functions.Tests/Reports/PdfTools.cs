using System.Diagnostics;
using System.Text.RegularExpressions;
using Integration.Functions.Tests.Deployment;

namespace Integration.Functions.Tests.Reports;

/// <summary>
/// Debian's poppler-utils, as .ci/run installs them: the PDF's text (pdftotext), its page count
/// and fonts (pdfinfo, pdffonts), and each page as a PNG (pdftoppm) kept in
/// <c>TestResults/report/</c>. Without them the tests that need them report themselves skipped, with why.
/// </summary>
internal static partial class PdfTools
{
    public static string? MissingReason =>
        File.Exists("/usr/bin/pdftotext") && File.Exists("/usr/bin/pdftoppm") && File.Exists("/usr/bin/pdfinfo") && File.Exists("/usr/bin/pdffonts")
            ? null
            : "poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts) is not installed: install Debian's poppler-utils (apt-get install -y poppler-utils), as .ci/run does, to read and render the report.";

    public static string ResultsFolder => Path.Combine(RepositoryPaths.Root, "TestResults", "report");

    /// <summary>
    /// The text in its layout (a table's row on one line), with every run of white space as one
    /// space, so a phrase or a row is found whatever the spacing.
    /// </summary>
    public static async Task<string> TextAsync(string pdf) => Spaces().Replace(await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"), " ");

    public static async Task<int> PagesAsync(string pdf)
    {
        var info = await RunAsync("pdfinfo", pdf);
        return int.Parse(PagesLine().Match(info).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<string> FontsAsync(string pdf) => RunAsync("pdffonts", pdf);

    /// <summary>Renders every page at 110 dpi as <c>&lt;name&gt;-N.png</c> in the results folder; returns the files.</summary>
    public static async Task<IReadOnlyList<string>> RenderAsync(string pdf, string name)
    {
        Directory.CreateDirectory(ResultsFolder);
        foreach (var old in Directory.GetFiles(ResultsFolder, name + "-*.png")) File.Delete(old);
        await RunAsync("pdftoppm", "-png", "-r", "110", pdf, Path.Combine(ResultsFolder, name));
        return [.. Directory.GetFiles(ResultsFolder, name + "-*.png").Order(StringComparer.Ordinal)];
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
        return await output;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();
}
