using System.Globalization;
using Integration.Emulators.Graph;

namespace Integration.Emulators.Bench;

/// <summary>
/// The network's meeting notes (minnesanteckningar) at city scale: a document library on the network's site
/// filled with PDF notes whose bytes the stand-in makes as they are downloaded (<see cref="GeneratedContent"/>),
/// each with the meeting date and group the MeetingNotes source reads. Sizes are log-uniform between the
/// request's bounds: most notes are a few pages, a few are scans with attachments. A mutation gives a fraction
/// of the notes a new content version (a new quickXorHash and size), as when minutes are corrected and saved
/// again. Deterministic: the same seed on the same library gives the same notes, bytes and changes.
/// </summary>
public sealed class MeetingNoteGenerator : IBenchGenerator
{
    public const string SourceName = "meeting-notes";
    public const string LibraryName = "Mötesanteckningar";

    /// <summary>The library's columns under the MeetingNotes source's default internal names.</summary>
    public const string MeetingDateColumn = "MeetingDate";
    public const string GroupColumn = "NetworkGroup";

    public const long DefaultMinBytes = 20L * 1024;
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    // The network has met since the 2021 budget assignment: meeting dates go back five years.
    private const int HistoryDays = 5 * 365;

    private static readonly string[] Groups = ["Styrgrupp", "Arbetsgrupp upphandling", "Nätverksmöte", "Referensgrupp sociala företag"];

    public string Source => SourceName;

    public SeedResult Seed(SharePointState state, SeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        var site = state.GetOrAddSite(PlanItemGenerator.HostName, PlanItemGenerator.SitePath, PlanItemGenerator.SiteDisplayName);
        return SeedLibrary(site.GetOrAddDocumentLibrary(request.Library ?? LibraryName), request);
    }

    public MutationResult Mutate(SharePointState state, MutationRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Library ?? LibraryName;
        var library = state.Sites.FirstOrDefault(s => s.HostName == PlanItemGenerator.HostName && s.Path == PlanItemGenerator.SitePath)?.FindDocumentLibrary(name)
            ?? throw new KeyNotFoundException($"There is no library '{name}' at {PlanItemGenerator.HostName}{PlanItemGenerator.SitePath} yet: seed it first.");
        return MutateLibrary(library, request);
    }

    /// <summary>
    /// Gives the library its MeetingDate and group columns and adds <see cref="SeedRequest.Count"/> notes between
    /// <see cref="SeedRequest.MinBytes"/> and <see cref="SeedRequest.MaxBytes"/> (20 KB and 20 MB when 0).
    /// </summary>
    public static SeedResult SeedLibrary(DocumentLibrary library, SeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Count);
        var min = request.MinBytes == 0 ? DefaultMinBytes : request.MinBytes;
        var max = request.MaxBytes == 0 ? Math.Max(min, DefaultMaxBytes) : request.MaxBytes;
        if (min < GeneratedContent.PdfHeader.Length || max < min)
        {
            throw new ArgumentException($"File sizes must satisfy {GeneratedContent.PdfHeader.Length} ≤ minBytes ≤ maxBytes; got {min} and {max}.", nameof(request));
        }

        if (request.Today == default)
        {
            throw new ArgumentException("'today' is required (yyyy-MM-dd).", nameof(request));
        }

        library.List
            .DefineColumn(MeetingDateColumn, "Mötesdatum", ColumnType.DateOnly)
            .DefineColumn(GroupColumn, "Grupp", ColumnType.Choice);

        var random = new Random(request.Seed);
        var first = library.FileCount + 1;
        var notes = new (string Name, int Seed, long Size, Dictionary<string, object?> Columns)[request.Count];
        for (var i = 0; i < notes.Length; i++)
        {
            var size = (long)Math.Round(Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min))));
            var date = request.Today.AddDays(-random.Next(HistoryDays));
            var group = Groups[random.Next(Groups.Length)];
            var number = (first + i).ToString("D4", CultureInfo.InvariantCulture);
            var name = $"{date:yyyy-MM-dd} {group} – minnesanteckningar {number}.pdf";
            notes[i] = (name, random.Next(), Math.Clamp(size, min, max), new() { [MeetingDateColumn] = date, [GroupColumn] = group });
        }

        // Hashing the library's gigabytes is what a seed spends its time on: spread over the cores, then added in order.
        var contents = new GeneratedContent[notes.Length];
        Parallel.For(0, notes.Length, i => contents[i] = GeneratedContent.Pdf(notes[i].Seed, notes[i].Size));
        for (var i = 0; i < notes.Length; i++)
        {
            library.AddFile(notes[i].Name, contents[i], notes[i].Columns);
        }

        var tree = DriveTree.Of(library.List);
        return new SeedResult(library.Site.Id, library.ListId, tree.FileCount) { Bytes = tree.FolderSize(DriveTree.RootId) };
    }

    /// <summary>
    /// Gives round(fraction × files) distinct notes a new content version: the same note's seed with the next
    /// version, and a size within 10% of the old one (never the same), as a corrected note is.
    /// </summary>
    public static MutationResult MutateLibrary(DocumentLibrary library, MutationRequest request)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(request);
        if (!(request.Fraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Fraction, "The fraction must be between 0 and 1.");
        }

        var files = library.List.LiveRecords().Where(r => r.Document is { IsFolder: false }).ToArray();
        var total = (int)Math.Round(request.Fraction * files.Length, MidpointRounding.AwayFromZero);
        var random = new Random(request.Seed);
        // A partial Fisher-Yates shuffle: the first `total` files are distinct and drawn uniformly.
        for (var i = 0; i < total; i++)
        {
            var j = random.Next(i, files.Length);
            (files[i], files[j]) = (files[j], files[i]);
        }

        for (var i = 0; i < total; i++)
        {
            var document = files[i].Document!;
            var size = Math.Max(GeneratedContent.PdfHeader.Length, (long)Math.Round(document.Size * (0.9 + 0.2 * random.NextDouble())));
            if (size == document.Size)
            {
                size++;
            }

            var seed = document.Content is GeneratedContent generated ? generated.Seed : random.Next();
            library.UpdateContent(library.ItemIdOf(files[i].Id), GeneratedContent.Pdf(seed, size, document.ContentVersion + 1));
        }

        return new MutationResult(Edited: total, Deleted: 0, Added: 0);
    }
}
