using System.Globalization;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>What an operation needs besides its parameter: the archive, the options, and where links point.</summary>
internal sealed class SifCallContext(SifArchive archive, SifStandInOptions options)
{
    public SifArchive Archive { get; } = archive;

    public SifStandInOptions Options { get; } = options;

    public DateTimeOffset Now => Options.Clock.GetUtcNow();

    /// <summary>Scheme, host and port, e.g. <c>http://127.0.0.1:54321</c>; known once the port is bound.</summary>
    public string Origin { get; set; } = "";

    /// <summary>A link into the 360 client, shaped like SIF's <c>URL</c> fields.</summary>
    public string Locator(string name, int recno) =>
        string.Create(CultureInfo.InvariantCulture, $"{Origin}/locator.aspx?name={name}&recno={recno}");
}
