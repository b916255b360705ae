using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Integration.Core.SharePoint;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Configuration;

namespace Integration.Functions.Tests.Sync;

/// <summary>
/// A document-library source written for the tests, to show what a new source costs: where it
/// reads, a mapping that takes or refuses a file, a content hash and its table writes. Paging,
/// the digest, quarantine, tombstones and checkpoints are the engine's.
/// </summary>
internal sealed class LibraryTestSource(SharePointDrives drives, IntegrationStorage storage, IConfiguration configuration) : IDeltaSource<DriveFile, LibraryFile>
{
    public const string SourceName = "TestLibrary";
    public const string TableName = "TestLibraryFiles";
    public const string Partition = "files";

    public string Name => SourceName;

    public string? Reference => configuration["TestLibrary"];

    public IDeltaFeed<DriveFile> Feed => field ??= new DriveItemDeltaFeed(drives);

    public SourceTable Table => field ??= new SourceTable(storage, TableName, Partition);

    public IDeltaSourceRun<DriveFile, LibraryFile> StartRun(string runId, string containerId) =>
        new Run(new DriveItemFields(drives, containerId, ["MeetingDate", "NetworkGroup"]));

    private sealed class Run(DriveItemFields fields) : IDeltaSourceRun<DriveFile, LibraryFile>
    {
        private static readonly string[] Allowed = [".docx", ".pdf", ".odt"];

        public Task BeforePageAsync(IReadOnlyCollection<DriveFile> live, CancellationToken ct) => fields.LoadAsync(live, ct);

        public ValueTask<SourceMapping<LibraryFile>> MapAsync(DriveFile file, CancellationToken ct)
        {
            var extension = Path.GetExtension(file.Name ?? "");
            if (!Allowed.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                return ValueTask.FromResult(SourceMapping.Rejected<LibraryFile>($"'{extension}' files are not taken; allowed: {string.Join(", ", Allowed)}."));
            }

            if (fields.Get(file.Id)?.Text("NetworkGroup") is not { } group)
            {
                return ValueTask.FromResult(SourceMapping.Rejected<LibraryFile>("NetworkGroup is missing."));
            }

            return ValueTask.FromResult(SourceMapping.Valid(new LibraryFile(file.Id, file.Name!, file.Size ?? 0, file.QuickXorHash ?? "", group)));
        }

        public string IdOf(LibraryFile record) => record.Id;

        // A serialised array: no separator can move text from one field into the next unseen.
        public string HashOf(LibraryFile record) => Convert.ToBase64String(SHA256.HashData(
            JsonSerializer.SerializeToUtf8Bytes(new object[] { record.Name, record.Size, record.QuickXorHash, record.Group })));

        public TableTransactionAction Write(LibraryFile record, string hash, DigestMatch match, DateTimeOffset now) =>
            new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, record.Id)
            {
                ["Name"] = record.Name,
                ["Size"] = record.Size,
                ["QuickXorHash"] = record.QuickXorHash,
                ["Group"] = record.Group,
                [SourceTable.ContentHashColumn] = hash,
                [SourceTable.IsDeletedColumn] = false,
            });

        public TableEntity Tombstone(string id, DateTimeOffset now) =>
            new(Partition, id) { [SourceTable.IsDeletedColumn] = true, ["DeletedAt"] = now };
    }
}

internal sealed record LibraryFile(string Id, string Name, long Size, string QuickXorHash, string Group);
