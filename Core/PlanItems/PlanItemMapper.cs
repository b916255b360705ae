using Integration.Core.SharePoint;
using Integration.Core.Sync;

namespace Integration.Core.PlanItems;

/// <summary>
/// Turns a SharePoint list item into a <see cref="PlanItem"/>, or says in plain words why it
/// cannot be taken in. The reason ends up in the Quarantine table for the network to fix.
/// </summary>
public sealed class PlanItemMapper(ColumnNames columns, PlanItemStatusMap statuses, TimeZoneInfo siteTimeZone)
{
    /// <summary>SharePoint's limit for a single line of text.</summary>
    public const int MaxTitleLength = 255;

    /// <summary>Table storage holds at most 64 KiB per string property (32K UTF-16 characters).</summary>
    public const int MaxTextLength = 32_000;

    /// <summary>
    /// The configured columns: the ones <see cref="Map"/> refuses an item without are required, and
    /// OverdueFlag is written by the overdue scan. Optional ones must exist all the same: they are
    /// part of the mapping, and a misnamed one would silently read as empty.
    /// </summary>
    public IReadOnlyList<MappedColumn> Mapping { get; } =
    [
        columns.Map(PlanItemColumns.Title, required: true), columns.Map(PlanItemColumns.Goal), columns.Map(PlanItemColumns.ResponsibleBody),
        columns.MapLookup(PlanItemColumns.Owner, required: true), columns.Map(PlanItemColumns.DueDate, required: true),
        columns.Map(PlanItemColumns.Status, required: true), columns.Map(PlanItemColumns.CaseNumber),
        columns.Map(PlanItemColumns.BudgetAssignment), columns.Map(PlanItemColumns.OverdueFlag, written: true),
    ];

    /// <summary>The fields the mapper reads, for <c>$select</c>.</summary>
    public IReadOnlyCollection<string> Columns => field ??= columns.WithDataProblem(Mapping.Select(c => c.FieldName));

    public string? OwnerLookupId(SharePointItem item) => item.Text(columns.LookupId(PlanItemColumns.Owner));

    /// <summary>A person column's lookup id is a user's number in the site: anything else is not looked up.</summary>
    public static bool IsUserId(string lookupId) =>
        lookupId.Length is > 0 and <= 10 && lookupId.All(char.IsAsciiDigit) && int.TryParse(lookupId, out var n) && n > 0;

    public SourceMapping<PlanItem> Map(SharePointItem item, SiteUser? owner)
    {
        string? Text(string column) => item.Text(columns[column]);

        var id = item.Id;
        var title = Text(PlanItemColumns.Title);
        if (title is null) return SourceMapping.Rejected<PlanItem>(PlanItemTexts.TitleMissing());
        if (title.Length > MaxTitleLength) return SourceMapping.Rejected<PlanItem>(PlanItemTexts.TitleTooLong(title.Length, MaxTitleLength));

        var rawDue = Text(PlanItemColumns.DueDate);
        if (rawDue is null) return SourceMapping.Rejected<PlanItem>(PlanItemTexts.DueDateMissing(columns[PlanItemColumns.DueDate]));
        if (!SharePointDates.TryParseCalendarDate(rawDue, siteTimeZone, out var dueDate))
        {
            return SourceMapping.Rejected<PlanItem>(PlanItemTexts.DueDateNotADate(rawDue));
        }

        var rawStatus = Text(PlanItemColumns.Status);
        if (!statuses.TryParse(rawStatus, out var status))
        {
            return SourceMapping.Rejected<PlanItem>(rawStatus is null
                ? PlanItemTexts.StatusMissing(statuses.Choices)
                : PlanItemTexts.StatusUnknown(rawStatus, statuses.Choices));
        }

        var ownerId = OwnerLookupId(item);
        if (ownerId is null) return SourceMapping.Rejected<PlanItem>(PlanItemTexts.OwnerMissing());
        if (!IsUserId(ownerId)) return SourceMapping.Rejected<PlanItem>(PlanItemTexts.OwnerNotAUserId(ownerId));
        if (owner is null) return SourceMapping.Rejected<PlanItem>(PlanItemTexts.OwnerNotOnSite(ownerId));
        // The address itself is not kept: it is read again when a notification goes out.
        if (owner.Email is null) return SourceMapping.Rejected<PlanItem>(PlanItemTexts.OwnerWithoutEmail(ownerId));

        var goal = Text(PlanItemColumns.Goal);
        var body = Text(PlanItemColumns.ResponsibleBody);
        var caseNumber = Text(PlanItemColumns.CaseNumber);
        var assignment = Text(PlanItemColumns.BudgetAssignment);
        foreach (var (column, value) in new[] { (PlanItemColumns.Goal, goal), (PlanItemColumns.ResponsibleBody, body), (PlanItemColumns.CaseNumber, caseNumber), (PlanItemColumns.BudgetAssignment, assignment) })
        {
            if (value is { Length: > MaxTextLength })
            {
                return SourceMapping.Rejected<PlanItem>(PlanItemTexts.TextTooLong(column, value.Length, MaxTextLength));
            }
        }

        return SourceMapping.Valid(new PlanItem(
            id, title, goal, body, ownerId, dueDate, status, caseNumber?.Trim(), assignment,
            Text(PlanItemColumns.OverdueFlag) ?? ""));
    }
}
