using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// The meeting-notes library as <c>provision</c> creates it: the meeting's date and group that
/// <see cref="MeetingNotesSource"/> reads, and the columns the night writes (the case system's
/// document number, the data problem).
/// </summary>
public static class MeetingNotesLibrarySchema
{
    public static ListSchema Describe(SharePointOptions sharePoint)
    {
        var columns = new SchemaColumns(new ColumnNames(sharePoint, MeetingNoteColumns.List))
            .DateOnly(MeetingNoteColumns.MeetingDate, "Mötesdatum")
            .Text(MeetingNoteColumns.Group, "Grupp", MeetingNoteColumns.GroupDefault)
            .Text(MeetingNoteColumns.CaseDocumentNumber, "Dokumentnummer i diariet", written: true)
            .DataProblem();
        return new ListSchema(MeetingNotesModule.Source, IsLibrary: true, sharePoint.Library(MeetingNotesModule.Source), columns.Columns);
    }

    public static ListSchema From(IServiceProvider services) =>
        Describe(services.GetRequiredService<IOptions<SharePointOptions>>().Value);
}
