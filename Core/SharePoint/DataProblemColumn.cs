namespace Integration.Core.SharePoint;

/// <summary>
/// The column every synced list and library carries for the night to write, in Swedish, what is wrong
/// with an item (<c>SharePoint__Fields__{Source}__DataProblem</c>; an empty setting turns the write-back off).
/// </summary>
public static class DataProblemColumn
{
    public const string Name = "DataProblem";

    /// <summary>Its Swedish display name, as <c>provision</c> creates it and the texts refer to it.</summary>
    public const string DisplayName = "Att rätta";
}
