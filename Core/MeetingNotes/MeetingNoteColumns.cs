namespace Integration.Core.MeetingNotes;

/// <summary>
/// The columns of the meeting-notes library, by their names in the settings
/// (<c>SharePoint__Fields__MeetingNotes__{Column}</c>).
/// </summary>
public static class MeetingNoteColumns
{
    public const string List = "MeetingNotes";

    /// <summary>Date only, a Stockholm day: when the meeting was held.</summary>
    public const string MeetingDate = "MeetingDate";

    /// <summary>The network's group that met. Its default internal name is <see cref="GroupDefault"/>, since <c>Group</c> is taken in SharePoint.</summary>
    public const string Group = "Group";

    public const string GroupDefault = "NetworkGroup";

    /// <summary>Written by the night: the document number the case system gave the registered note.</summary>
    public const string CaseDocumentNumber = "CaseDocumentNumber";
}
