namespace Integration.Emulators.Graph;

/// <summary>
/// What a file in a document library holds, as the stand-in serves it: its length, its quickXorHash (made once
/// per content version, as SharePoint keeps it) and a fresh read-only stream for each download. Bytes a test
/// gives are kept as they are; a bench's notes are <see cref="GeneratedContent"/>, made as they are read, so a
/// library of gigabytes costs the stand-in a few bytes per file.
/// </summary>
public abstract class FileContent
{
    public abstract long Length { get; }

    /// <summary>Base64 of the content's QuickXorHash, as <c>file.hashes.quickXorHash</c> gives it.</summary>
    public abstract string ContentHash { get; }

    /// <summary>The bytes from the start; each call gets a stream of its own.</summary>
    public abstract Stream OpenRead();

    /// <summary>Bytes kept in memory: a private copy, never written to.</summary>
    internal static FileContent Stored(byte[] bytes) => new StoredContent([.. bytes]);

    private sealed class StoredContent(byte[] bytes) : FileContent
    {
        public override long Length => bytes.Length;

        public override string ContentHash { get; } = QuickXorHash.Base64Of(bytes);

        public override Stream OpenRead() => new MemoryStream(bytes, writable: false);
    }
}
