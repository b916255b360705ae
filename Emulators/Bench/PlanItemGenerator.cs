using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Integration.Emulators.Graph;

namespace Integration.Emulators.Bench;

/// <summary>
/// The network's action plan (handlingsplan) at city scale: plan items with realistic sizes and Swedish
/// text, spread over owners, responsible bodies and due dates, and changed a fraction at a time between
/// runs. Deterministic: the same seed on the same list state gives the same items and changes.
/// About 0.5% of new items are broken the way real lists are (no due date, or a status no site
/// configures) so a sync's quarantine is exercised; items owned by the people without email are too.
/// </summary>
public sealed class PlanItemGenerator : IBenchGenerator
{
    public const string HostName = "stockholm.sharepoint.com";
    public const string SitePath = "/sites/wise-natverket";
    public const string ListName = "Handlingsplan";

    /// <summary>A status no site configures ("on hold"), so the item must be quarantined.</summary>
    public const string UnknownStatus = "Väntar";

    public const int MaxOwners = 10_000;

    /// <summary>The network's site, which the meeting-notes library shares.</summary>
    internal const string SiteDisplayName = "Nätverket för arbetsintegrerande sociala företag";
    private const double InvalidShare = 0.005;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The statuses a site offers, with the share of items in each.</summary>
    private static readonly (string Text, double Share)[] StatusMix =
    [
        ("Pågår / In progress", 0.35), ("Ej påbörjad / Not started", 0.30), ("Klar / Done", 0.25), ("Avbruten / Cancelled", 0.10),
    ];

    public string Source => "plan-items";

    public static IReadOnlyList<string> Statuses { get; } = [.. StatusMix.Select(s => s.Text)];

    public SeedResult Seed(SharePointState state, SeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        var site = state.GetOrAddSite(HostName, SitePath, SiteDisplayName);
        return SeedList(site.GetOrAddList(ListName), request);
    }

    public MutationResult Mutate(SharePointState state, MutationRequest request)
    {
        ArgumentNullException.ThrowIfNull(state);
        var list = state.Sites.FirstOrDefault(s => s.HostName == HostName && s.Path == SitePath)?.FindList(ListName)
            ?? throw new KeyNotFoundException($"There is no list '{ListName}' at {HostName}{SitePath} yet: seed it first.");
        return MutateList(list, request);
    }

    /// <summary>
    /// Gives a list the plan-item columns under their default internal names (display names as a
    /// Swedish site has them), so <c>…/columns</c> lists each, OverdueFlag too before any item has a flag.
    /// </summary>
    public static SharePointList DefineColumns(SharePointList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list
            .DefineColumn(PlanItemColumns.Goal, "Mål", ColumnType.MultilineText)
            .DefineColumn(PlanItemColumns.ResponsibleBody, "Ansvarig nämnd", ColumnType.Choice)
            .DefineColumn(PlanItemColumns.Owner, "Ansvarig", ColumnType.PersonOrGroup)
            .DefineColumn(PlanItemColumns.DueDate, "Slutdatum", ColumnType.DateOnly)
            .DefineColumn(new ListColumn(PlanItemColumns.Status, "Status", ColumnType.Choice) { Choices = [.. StatusMix.Select(s => s.Text)] })
            .DefineColumn(PlanItemColumns.CaseNumber, "Diarienummer", ColumnType.Text)
            .DefineColumn(PlanItemColumns.BudgetAssignment, "Budgetuppdrag", ColumnType.Text)
            .DefineColumn(PlanItemColumns.OverdueFlag, "Försenad", ColumnType.Text)
            .DefineColumn(PlanItemColumns.IndicatorValue, "Indikatorvärde", ColumnType.Text)
            .DefineColumn(PlanItemColumns.DataProblem, "Att rätta", ColumnType.MultilineText);
    }

    /// <summary>
    /// Gives the list the plan-item columns, enters <see cref="SeedRequest.Owners"/> people in the
    /// list's site and adds <see cref="SeedRequest.Count"/> items.
    /// </summary>
    public static SeedResult SeedList(SharePointList list, SeedRequest request)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Owners);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Owners, MaxOwners);
        RequireDay(request.Today);

        DefineColumns(list);
        var owners = NetworkPeople.Ensure(list.Site, request.Owners, request.Seed);
        var random = new Random(request.Seed);
        var writer = new ItemWriter(list.Site.TimeZone);
        for (var i = 0; i < request.Count; i++)
        {
            list.Create(writer.Write(NewItem(random, owners, request.Today)));
        }

        return new SeedResult(list.Site.Id, list.Id, list.Count);
    }

    /// <summary>
    /// Changes round(fraction × items) items: 60% edited (status, title or due date, always to a new value),
    /// 20% deleted, 20% added, owned by the people already in the site.
    /// </summary>
    public static MutationResult MutateList(SharePointList list, MutationRequest request)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(request);
        if (!(request.Fraction is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Fraction, "The fraction must be between 0 and 1.");
        }

        RequireDay(request.Today);
        var ids = list.LiveIds();
        var total = (int)Math.Round(request.Fraction * ids.Length, MidpointRounding.AwayFromZero);
        var edited = (int)Math.Round(total * 0.6, MidpointRounding.AwayFromZero);
        var deleted = Math.Min((int)Math.Round(total * 0.2, MidpointRounding.AwayFromZero), total - edited);
        var added = total - edited - deleted;
        var owners = People(list.Site);
        if (added > 0 && owners.Length == 0)
        {
            throw new InvalidOperationException($"Site '{list.Site.DisplayName}' has no people to own new items: seed it first.");
        }

        var random = new Random(request.Seed);
        // A partial Fisher-Yates shuffle: the first edited + deleted ids are distinct and drawn uniformly.
        for (var i = 0; i < edited + deleted; i++)
        {
            var j = random.Next(i, ids.Length);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        for (var i = 0; i < edited; i++)
        {
            Edit(list, ids[i], random, request.Today);
        }

        for (var i = edited; i < edited + deleted; i++)
        {
            list.Delete(ids[i]);
        }

        var writer = new ItemWriter(list.Site.TimeZone);
        for (var i = 0; i < added; i++)
        {
            list.Create(writer.Write(NewItem(random, owners, request.Today)));
        }

        return new MutationResult(edited, deleted, added);
    }

    private static PlanItemValues NewItem(Random random, int[] owners, DateOnly today)
    {
        var item = new PlanItemValues(
            PlanItemText.Title(random),
            PlanItemText.Goal(random, today),
            PlanItemText.ResponsibleBody(random),
            owners[random.Next(owners.Length)],
            DueDate(random, today),
            Status(random),
            PlanItemText.CaseNumber(random),
            PlanItemText.BudgetAssignment(random));
        var flaw = random.NextDouble();
        return flaw < InvalidShare / 2 ? item with { DueDate = null }
            : flaw < InvalidShare ? item with { Status = UnknownStatus }
            : item;
    }

    // One visible change, as a network member makes it: the status moves on, the title is reworded or the date moves.
    private static void Edit(SharePointList list, int id, Random random, DateOnly today)
    {
        var current = list.GetFields(id) ?? throw new KeyNotFoundException($"Item {id} vanished during the mutation.");
        string? Now(string column) => current.TryGetValue(column, out var value) ? value as string : null;
        var change = new Dictionary<string, object?>(1);
        switch (random.Next(3))
        {
            case 0:
                var others = Statuses.Where(s => s != Now(PlanItemColumns.Status)).ToList();
                change[PlanItemColumns.Status] = others[random.Next(others.Count)];
                break;
            case 1:
                string title;
                do
                {
                    title = PlanItemText.Title(random);
                }
                while (title == Now(PlanItemColumns.Title));

                change[PlanItemColumns.Title] = title;
                break;
            default:
                var due = DueDate(random, today);
                if (SharePointList.DateOnlyValue(due, list.Site.TimeZone) == Now(PlanItemColumns.DueDate))
                {
                    due = due.AddDays(7);
                }

                change[PlanItemColumns.DueDate] = due;
                break;
        }

        list.Update(id, change);
    }

    // From half a year overdue to a year ahead: enough overdue and due-soon items for the scan.
    private static DateOnly DueDate(Random random, DateOnly today) => today.AddDays(random.Next(-180, 366));

    private static string Status(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (text, share) in StatusMix)
        {
            if ((roll -= share) < 0)
            {
                return text;
            }
        }

        return StatusMix[^1].Text;
    }

    // The people of the site, as the seed entered them; SharePoint's System Account owns no plan items.
    private static int[] People(SharePointSite site) =>
        [.. site.UserInformationList.LiveIds().Where(id => id != SystemFields.SystemAccountId)];

    private static void RequireDay(DateOnly today)
    {
        if (today == default)
        {
            throw new ArgumentException("'today' is required (yyyy-MM-dd).", nameof(today));
        }
    }

    /// <summary>Writes an item's columns as one JSON object, the cheap way to seed 100,000 of them.</summary>
    private sealed class ItemWriter(TimeZoneInfo timeZone)
    {
        private readonly ArrayBufferWriter<byte> buffer = new(4096);

        public FieldSet Write(PlanItemValues item)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString(PlanItemColumns.Title, item.Title);
                json.WriteString(PlanItemColumns.Goal, item.Goal);
                json.WriteString(PlanItemColumns.ResponsibleBody, item.ResponsibleBody);
                json.WriteString(PlanItemColumns.OwnerLookupId, item.OwnerLookupId.ToString(CultureInfo.InvariantCulture));
                if (item.DueDate is { } due)
                {
                    // Stored as SharePoint stores a date-only column: local midnight in the site's zone, as UTC.
                    json.WriteString(PlanItemColumns.DueDate, SharePointList.DateOnlyValue(due, timeZone));
                }

                json.WriteString(PlanItemColumns.Status, item.Status);
                json.WriteString(PlanItemColumns.CaseNumber, item.CaseNumber);
                json.WriteString(PlanItemColumns.BudgetAssignment, item.BudgetAssignment);
                json.WriteEndObject();
            }

            var reader = new Utf8JsonReader(buffer.WrittenSpan);
            return FieldSet.FromObject(JsonElement.ParseValue(ref reader));
        }
    }
}
