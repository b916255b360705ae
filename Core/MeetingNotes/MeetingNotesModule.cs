using Integration.Core.Configuration;
using Integration.Core.Queues;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.MeetingNotes;

/// <summary>
/// The network's meeting notes (mötesanteckningar): the document library archived unaltered in
/// Blob storage and indexed in the MeetingNotes table, and each new version registered on the
/// network's case in the case system through the <c>case-registration</c> queue.
/// </summary>
public static class MeetingNotesModule
{
    /// <summary>The source's name, as run-once, status and reset give it.</summary>
    public const string Source = "MeetingNotes";

    public static IServiceCollection AddMeetingNotes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MeetingNotesOptions, MeetingNotesOptionsValidator>(configuration, MeetingNotesOptions.Section);
        services.AddTables(TableNames.MeetingNotes);
        services.TryAddSingleton<MeetingNoteStore>();
        services.TryAddSingleton<MeetingNoteArchive>();
        services.TryAddSingleton<MeetingNoteAnnouncement>();
        services.AddDeltaSource<MeetingNotesSource, DriveFile, MeetingNote>(SourceDefinition.Library(Source));
        services.AddListSchema(MeetingNotesLibrarySchema.From);
        services.AddMessageHandler<CaseRegistrationMessage, CaseRegistrationHandler>();
        services.AddNightStep<CaseRegistrationSummary>();
        return services;
    }
}
