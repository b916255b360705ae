using System.Globalization;

namespace Integration.Emulators.CaseSystem;

/// <summary>
/// The stand-in's cases, documents, uploads and contacts, behind one lock. Records are immutable and
/// replaced whole, so a reader's snapshot never changes under it. Recnos come from one counter, as
/// SIF's are unique across the archive.
/// </summary>
internal sealed class SifArchive(SifStandInOptions options)
{
    private readonly Lock gate = new();
    private readonly List<SifCase> cases = [];
    private readonly List<SifDocument> documents = [];
    private readonly Dictionary<string, int> documentSequence = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SifUpload> uploads = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> persons = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, int> serials = [];
    private int lastRecno = 200000;

    public IReadOnlyList<SifCase> Cases
    {
        get
        {
            lock (gate)
            {
                return [.. cases];
            }
        }
    }

    public IReadOnlyList<SifDocument> Documents
    {
        get
        {
            lock (gate)
            {
                return [.. documents];
            }
        }
    }

    public IReadOnlyList<SifUpload> Uploads
    {
        get
        {
            lock (gate)
            {
                return [.. uploads.Values];
            }
        }
    }

    /// <summary>
    /// Adds a case under <paramref name="caseNumber"/>, or under the next free number
    /// (<c>AMN 2025-0001</c>, with <c>-</c><paramref name="classification"/> when given) when it is null.
    /// </summary>
    public SifCase AddCase(string? caseNumber, string? classification, Func<int, string, SifCase> build)
    {
        lock (gate)
        {
            if (caseNumber is not null && FindCaseLocked(caseNumber) is not null)
            {
                throw new SifBusinessException($"A case numbered '{caseNumber}' already exists.");
            }

            var created = build(lastRecno + 1, caseNumber ?? NextCaseNumberLocked(classification));
            if (created.ExternalId is { } id && cases.Find(c => SameExternalId(c.ExternalId, id)) is { } other)
            {
                throw new SifBusinessException($"A case with ExternalId '{id.Id}' ({id.Type}) already exists: {other.CaseNumber}.");
            }

            lastRecno++;
            cases.Add(created);
            return created;
        }
    }

    public SifCase UpdateCase(string caseNumber, Func<SifCase, SifCase> change)
    {
        lock (gate)
        {
            var index = cases.FindIndex(c => string.Equals(c.CaseNumber, caseNumber, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new SifBusinessException($"Case '{caseNumber}' was not found.");
            }

            return cases[index] = change(cases[index]);
        }
    }

    /// <summary>
    /// Adds a document to the case named by number or external id. Files named by an upload reference
    /// take that upload's length and hash. Nothing is stored when anything is wrong.
    /// </summary>
    public SifDocument AddDocument(string? caseNumber, SifExternalId? caseExternalId, IReadOnlyList<FileDraft> files, Func<int, string, SifCase, IReadOnlyList<SifFile>, SifDocument> build)
    {
        lock (gate)
        {
            var owner = (caseNumber is not null ? FindCaseLocked(caseNumber) : null)
                ?? (caseExternalId is not null ? cases.Find(c => SameExternalId(c.ExternalId, caseExternalId)) : null)
                ?? throw new SifBusinessException(caseNumber is not null
                    ? $"Case '{caseNumber}' was not found."
                    : $"No case has ExternalId '{caseExternalId?.Id}' ({caseExternalId?.Type}).");

            var resolved = new List<(FileDraft Draft, long Length, string Sha256)>();
            foreach (var file in files)
            {
                if (file.UploadedFileReference is { } reference)
                {
                    var upload = uploads.GetValueOrDefault(reference)
                        ?? throw new SifBusinessException($"No uploaded file has the reference '{reference}'.");
                    resolved.Add((file, upload.Length, upload.Sha256));
                }
                else
                {
                    resolved.Add((file, file.Length, file.Sha256));
                }
            }

            var recno = lastRecno + 1;
            var stored = resolved
                .Select((f, i) => new SifFile(recno + 1 + i, f.Draft.Title, f.Draft.Format, f.Length, f.Sha256, f.Draft.UploadedFileReference))
                .ToList();
            var sequence = documentSequence.GetValueOrDefault(owner.CaseNumber) + 1;
            var document = build(recno, owner.CaseNumber + ":" + sequence.ToString(CultureInfo.InvariantCulture), owner, stored);

            lastRecno = recno + stored.Count;
            documentSequence[owner.CaseNumber] = sequence;
            documents.Add(document);
            return document;
        }
    }

    public SifUpload AddUpload(string fileName, string? format, FileDraft content)
    {
        lock (gate)
        {
            var stem = Path.GetFileNameWithoutExtension(fileName);
            var extension = format ?? Path.GetExtension(fileName).TrimStart('.');
            // SIF answers with a folder-like reference: <guid>\<name>.<FORMAT>, as in its own examples.
            var reference = $"{Guid.NewGuid()}\\{stem}.{extension.ToUpperInvariant()}";
            var upload = new SifUpload(reference, fileName, format, content.Length, content.Sha256);
            uploads.Add(reference, upload);
            return upload;
        }
    }

    /// <summary>The recno of the private person with this key, added on first sight (synchronize means create or update).</summary>
    public int SynchronizePerson(string key)
    {
        lock (gate)
        {
            if (!persons.TryGetValue(key, out var recno))
            {
                recno = ++lastRecno;
                persons.Add(key, recno);
            }

            return recno;
        }
    }

    public SifCase? FindCase(string caseNumber)
    {
        lock (gate)
        {
            return FindCaseLocked(caseNumber);
        }
    }

    public (SifDocument Document, SifFile File)? FindFile(int recno)
    {
        lock (gate)
        {
            foreach (var document in documents)
            {
                if (document.Files.FirstOrDefault(f => f.Recno == recno) is { } file)
                {
                    return (document, file);
                }
            }

            return null;
        }
    }

    private SifCase? FindCaseLocked(string caseNumber) =>
        cases.Find(c => string.Equals(c.CaseNumber, caseNumber.Trim(), StringComparison.OrdinalIgnoreCase));

    private string NextCaseNumberLocked(string? classification)
    {
        var year = options.Clock.GetUtcNow().Year;
        while (true)
        {
            var serial = serials[year] = serials.GetValueOrDefault(year) + 1;
            var number = string.Create(CultureInfo.InvariantCulture, $"{options.CaseNumberPrefix} {year}-{serial:D4}");
            // A seeded case may hold the serial already, with or without a classification.
            if (!cases.Exists(c => c.CaseNumber == number || c.CaseNumber.StartsWith(number + "-", StringComparison.Ordinal)))
            {
                return classification is null ? number : number + "-" + classification;
            }
        }
    }

    private static bool SameExternalId(SifExternalId? stored, SifExternalId wanted) =>
        stored is not null
        && string.Equals(stored.Id, wanted.Id, StringComparison.Ordinal)
        && (wanted.Type is null || string.Equals(stored.Type, wanted.Type, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A file as a request gives it: its content's digest, or a reference to an earlier upload.</summary>
internal sealed record FileDraft(string Title, string? Format, long Length, string Sha256, string? UploadedFileReference);
