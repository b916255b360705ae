using Integration.Core.Sync.Problems;

namespace Integration.Core.SharePoint;

/// <summary>
/// The data-problem column of a document library: read from the file's library columns as the run
/// loaded them (<see cref="DriveItemFields"/>), written with a fields PATCH of the file's list item. A
/// file is named by its file name, which is what people find it by.
/// </summary>
public sealed class LibraryProblemColumn(SharePointDrives drives, ColumnNames columns, DriveItemFields fields) : IProblemColumn<DriveFile>
{
    public string Setting => columns.Setting(DataProblemColumn.Name);

    public string? InternalName => columns.DataProblem;

    public string? Current(DriveFile item) => InternalName is { } column ? fields.Get(item.Id)?.Text(column) : null;

    public string? WebUrl(DriveFile item) => item.WebUrl;

    public string Describe(DriveFile item) => item.Name is { Length: > 0 } name ? name : $"Fil {item.Id}";

    public async Task<IReadOnlyDictionary<string, ProblemWrite>> WriteAsync(string containerId, IReadOnlyList<(DriveFile Item, string? Text)> writes, CancellationToken ct)
    {
        var column = InternalName ?? throw new InvalidOperationException("The data-problem write-back is off.");
        var answers = await drives.UpdateListItemFieldsAsync(containerId, writes.Select(w => (w.Item.Id, ListProblemColumn.Values(column, w.Text))), ct);
        return ListProblemColumn.Outcomes(answers, column, "library");
    }
}
