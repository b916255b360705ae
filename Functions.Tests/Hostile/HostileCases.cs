using System.Text.Json;
using Integration.Functions.Tests.Harness;
using static Integration.Functions.Tests.Hostile.Outcome;

namespace Integration.Functions.Tests.Hostile;

/// <summary>
/// The hostile plan items, one table per family: what SharePoint and the people editing the list
/// really produce, each with the outcome the sync must reach. The harness's clock is 2026-11-27
/// 10:00 in Stockholm, so 2026-11-26 is overdue and 2026-11-27 to 2026-12-04 are due soon.
/// </summary>
public static class HostileCases
{
    private static readonly DateOnly Far = new(2027, 6, 15);
    private static readonly DateOnly LastWeek = new(2026, 11, 20);
    private static readonly DateOnly NextWeek = new(2026, 12, 1);

    private const string InProgress = "InProgress";
    private const string NotIso = "is not a date in ISO 8601 form";
    private const string DueMissing = "Due date (column DueDate) is missing.";
    private const string NotAccepted = "is not one of the accepted values";

    /// <summary>Personal values seeded into text columns; none may reach a log line.</summary>
    public const string PersonalIdentityNumber = "19850615-1234";

    /// <summary>
    /// A reason that refuses a value which looks exactly like an accepted one must say what
    /// differs; any of these wordings does.
    /// </summary>
    private static readonly string[] NamesTheInvisibleDifference = ["U+", "\\u", "Unicode", "normali", "combining", "invisible", "zero-width"];

    private static Dictionary<string, object?> Item(string title, int owner, DateOnly? due = null, string status = PlanItemSeed.InProgress) =>
        PlanItemSeed.Fields(title, owner, due ?? Far, status);

    private static Dictionary<string, object?> With(this Dictionary<string, object?> fields, string column, object? value) =>
        new(fields) { [column] = value };

    private static Dictionary<string, object?> Without(this Dictionary<string, object?> fields, string column)
    {
        var copy = new Dictionary<string, object?>(fields);
        copy.Remove(column);
        return copy;
    }

    /// <summary>A value of any JSON type, stored in the list exactly as written.</summary>
    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Repeat(string pattern, int length) =>
        string.Concat(Enumerable.Repeat(pattern, (length / pattern.Length) + 1))[..length];

    public static IReadOnlyList<HostileCase> Dates(HostileUsers u)
    {
        HostileCase Stored(string name, object? raw, string date) =>
            new(name, Item($"Datum: {name}", u.Anna).With("DueDate", raw), Created) { Expect = { ["DueDate"] = date } };
        HostileCase Refused(string name, object? raw, string reason) =>
            new(name, Item($"Datum: {name}", u.Anna).With("DueDate", raw), Quarantined, reason);

        return
        [
            Stored("winter: SharePoint's UTC instant of Stockholm midnight", "2027-03-14T23:00:00Z", "2027-03-15"),
            Stored("summer: SharePoint's UTC instant of Stockholm midnight", "2027-06-14T22:00:00Z", "2027-06-15"),
            Stored("UTC midnight, as a value written without an offset sits", "2027-03-15T00:00:00Z", "2027-03-15"),
            Stored("UTC midnight in summer", "2027-06-15T00:00:00Z", "2027-06-15"),
            Stored("milliseconds", "2027-03-14T23:00:00.000Z", "2027-03-15"),
            Stored("seven fraction digits", "2027-06-14T22:00:00.1234567Z", "2027-06-15"),
            Refused("eight fraction digits, more than .NET reads", "2027-06-14T22:00:00.12345678Z", "'2027-06-14T22:00:00.12345678Z' is not a date"),
            Stored("+01:00 offset", "2027-03-15T00:00:00+01:00", "2027-03-15"),
            Stored("+02:00 offset in summer", "2027-06-15T00:00:00+02:00", "2027-06-15"),
            Stored("-05:00 offset, already the next day in Stockholm", "2027-03-15T20:00:00-05:00", "2027-03-16"),
            Stored("no seconds and no offset", "2027-03-15T00:00", "2027-03-15"),
            Stored("plain yyyy-MM-dd", "2027-03-15", "2027-03-15"),
            Stored("plain date padded with spaces", "  2027-03-15  ", "2027-03-15"),
            Stored("after Stockholm midnight, before UTC midnight", "2026-11-30T23:30:00Z", "2026-12-01"),
            Stored("due yesterday: overdue", "2026-11-25T23:00:00Z", "2026-11-26"),
            Stored("due today: due soon, not overdue", "2026-11-26T23:00:00Z", "2026-11-27"),
            Stored("last day of the due-soon window", "2026-12-03T23:00:00Z", "2026-12-04"),
            Stored("first day past the due-soon window", "2026-12-04T23:00:00Z", "2026-12-05"),
            Stored("spring-forward day (clocks jump at 02:00)", "2027-03-27T23:00:00Z", "2027-03-28"),
            Stored("the day after spring forward", "2027-03-28T22:00:00Z", "2027-03-29"),
            Stored("fall-back day, overdue", "2026-10-24T22:00:00Z", "2026-10-25"),
            Stored("the day after fall back", "2026-10-25T23:00:00Z", "2026-10-26"),
            Stored("next fall-back day", "2027-10-30T22:00:00Z", "2027-10-31"),
            Stored("year 0001 as a plain date: taken, and overdue", "0001-01-01", "0001-01-01"),
            Stored("year 0001 as a UTC instant", "0001-01-01T00:00:00Z", "0001-01-01"),
            Refused("year 0001 with an offset that puts it before year 1 in UTC", "0001-01-01T00:00:00+01:00", NotIso),
            Stored("year 9999 as a plain date", "9999-12-31", "9999-12-31"),
            // Stockholm midnight of 10000-01-01 cannot be held; the conversion stops at the last day .NET knows.
            Stored("year 9999's last hour in UTC", "9999-12-31T23:00:00Z", "9999-12-31"),
            Refused("day first", "10/12/2026", "'10/12/2026' is not a date"),
            Refused("month first", "12/10/2026", "'12/10/2026' is not a date"),
            Refused("dotted, day first", "10.12.2026", "'10.12.2026' is not a date"),
            Refused("slashes, year first", "2026/12/10", "'2026/12/10' is not a date"),
            Refused("ISO basic format", "20261210", "'20261210' is not a date"),
            Refused("a word: imorgon", "imorgon", "'imorgon' is not a date"),
            Refused("30 February", "2026-02-30", "'2026-02-30' is not a date"),
            Refused("single-digit month and day", "2027-3-5", "'2027-3-5' is not a date"),
            Refused("full-width digits", "２０２７-03-15", NotIso),
            Refused("a JSON number (a spreadsheet serial)", 46000, "'46000' is not a date"),
            Refused("empty", "", DueMissing),
            Refused("whitespace", " \t ", DueMissing),
            Refused("absent", null, DueMissing),
        ];
    }

    public static IReadOnlyList<HostileCase> Statuses(HostileUsers u)
    {
        HostileCase Taken(string name, object? raw, string status, DateOnly? due = null) =>
            new(name, Item($"Status: {name}", u.Anna, due).With("Status", raw), Created) { Expect = { ["Status"] = status } };
        HostileCase Refused(string name, object? raw, string reason, DateOnly? due = null) =>
            new(name, Item($"Status: {name}", u.Anna, due).With("Status", raw), Quarantined, reason);

        return
        [
            Taken("Pågår, overdue", "Pågår", InProgress, LastWeek),
            Taken("lower case pågår", "pågår", InProgress),
            Taken("upper case PÅGÅR", "PÅGÅR", InProgress, NextWeek),
            Taken("padded with spaces", "  Pågår  ", InProgress),
            Taken("trailing no-break space", "Pågår\u00A0", InProgress),
            Taken("tab before, line break after", "\tPågår\r\n", InProgress),
            Taken("In progress, due soon", "In progress", InProgress, NextWeek),
            Taken("IN PROGRESS", "IN PROGRESS", InProgress),
            Taken("the site's own two-language choice", "Pågår / In progress", InProgress),
            Taken("Klar / Done, overdue but closed", "Klar / Done", "Done", LastWeek),
            Taken("klar", "klar", "Done"),
            Taken("Avbruten, overdue but closed", "Avbruten", "Cancelled", LastWeek),
            Taken("Ej påbörjad, overdue and open", "Ej påbörjad", "NotStarted", LastWeek),
            Taken("not started", "not started", "NotStarted"),
            Refused("unknown: Väntar", "Väntar", "Status 'Väntar' " + NotAccepted),
            Refused("unknown: Done!", "Done!", "Status 'Done!' " + NotAccepted),
            Refused("two languages without spaces", "Klar/Done", "Status 'Klar/Done' " + NotAccepted),
            Refused("two choices in one text", "Pågår;Klar", NotAccepted),
            Refused("empty", "", "Status is missing."),
            Refused("absent", null, "Status is missing."),
            Refused("multi-choice array of one", Json("[\"In progress\"]"), NotAccepted),
            Refused("multi-choice array of two", Json("[\"In progress\",\"Done\"]"), NotAccepted),
            // "Pågår" with the ring as a combining character (NFD): the same word in Unicode's terms, so taken.
            new("decomposed Unicode (NFD) Pågår, overdue", Item("Status: NFD", u.Anna, LastWeek).With("Status", "Pa\u030agår"), Created),
            new("Pågår with a zero-width space", Item("Status: ZWSP", u.Anna).With("Status", "Pågår\u200B"), Quarantined)
            {
                DetailAnyOf = NamesTheInvisibleDifference,
            },
        ];
    }

    public static IReadOnlyList<HostileCase> Owners(HostileUsers u)
    {
        HostileCase Refused(string name, object? owner, string reason, DateOnly? due = null) =>
            new(name, Item($"Ägare: {name}", u.Anna, due).With("OwnerLookupId", owner), Quarantined, reason);

        return
        [
            new("Anna, overdue", Item("Ägare: Anna", u.Anna, LastWeek), Created) { Expect = { ["OwnerLookupId"] = $"{u.Anna}" } },
            new("Omar, due soon", Item("Ägare: Omar", u.Omar, NextWeek), Created) { Expect = { ["OwnerLookupId"] = $"{u.Omar}" } },
            new("lookup id as a JSON number", Item("Ägare: som tal", u.Anna).With("OwnerLookupId", u.Anna), Created)
            {
                Expect = { ["OwnerLookupId"] = $"{u.Anna}" },
            },
            new("missing", Item("Ägare: saknas", u.Anna, LastWeek).Without("OwnerLookupId"), Quarantined, "Owner is missing."),
            Refused("empty", "", "Owner is missing."),
            Refused("whitespace", "  ", "Owner is missing."),
            Refused("not in the User Information List", "9999", "Owner (user 9999) is not in the site's User Information List"),
            Refused("a user without email, overdue", $"{u.NoEmail}", $"Owner (user {u.NoEmail}) has no email", LastWeek),
            Refused("non-numeric", "abc", "Owner 'abc' is not a SharePoint user id"),
            Refused("negative", "-1", "Owner '-1' is not a SharePoint user id"),
            Refused("a decimal", $"{u.Anna}.0", $"Owner '{u.Anna}.0' is not a SharePoint user id"),
            Refused("padded with spaces", $" {u.Anna} ", "is not a SharePoint user id"),
            Refused("a path", $"{u.Anna}/../{u.Omar}", "is not a SharePoint user id"),
            Refused("a query", $"{u.Anna}?$select=Title", "is not a SharePoint user id"),
        ];
    }

    /// <summary>An owner id Graph answers with neither the user nor 404 (here 414, the request line is too long).</summary>
    public static IReadOnlyList<HostileCase> OwnerIdsGraphRefuses(HostileUsers u) =>
    [
        new("an owner id of 10,000 digits", Item("Ägare: 10 000 siffror", u.Anna).With("OwnerLookupId", new string('7', 10_000)), Quarantined, "Owner"),
        new("an ordinary item before it", Item("Vanlig före", u.Anna, NextWeek), Created),
        new("an ordinary item after it", Item("Vanlig efter", u.Omar), Created),
    ];

    public static IReadOnlyList<HostileCase> Texts(HostileUsers u)
    {
        HostileCase Title(string name, string title, DateOnly? due = null) => new(name, Item(title, u.Anna, due), Created);

        var title255 = Repeat("Åtgärd för sociala företag – ", 255);
        var title256 = Repeat("Åtgärd för sociala företag – ", 256);
        return
        [
            Title("control characters U+0001 and U+0007", "Kontroll\u0001tecken\u0007klocka", LastWeek),
            Title("tab and CR LF", "Rad ett\tkolumn\r\nrad två"),
            Title("NUL", "Noll\u0000tecken"),
            Title("right-to-left override", "Faktura \u202Egpj.exe\u202C granskad", LastWeek),
            Title("zero-width joiner, non-joiner and space", "Team 👩\u200D💻 och a\u200Cb och c\u200Bd"),
            Title("byte order mark and noncharacter", "\uFEFFBOM först och \uFFFE sist"),
            Title("emoji and a flag", "Hållbara inköp 🌱🇸🇪 ✓ 🤝🏽", NextWeek),
            Title("Arabic", "خطة عمل لتعزيز المؤسسات الاجتماعية"),
            Title("Hebrew mixed with Swedish", "Handlingsplan תוכנית פעולה 2026"),
            Title("HTML and a script tag", "<script>alert('x')</script><img src=x onerror=alert(1)><b>&amp;</b>", LastWeek),
            Title("OData filter injection", "' or 1 eq 1 or Title eq '"),
            Title("table filter injection", "x' or PartitionKey eq 'x' or RowKey ne '"),
            Title("SQL injection", "Robert'); DROP TABLE PlanItems;--"),
            Title("Markdown and an Adaptive Card function", "**Fet** _kursiv_ [länk](javascript:alert(1)) {{DATE(2026-01-01T00:00:00Z, SHORT)}}", NextWeek),
            Title("JSON text", "{\"Title\":\"x\",\"IsDeleted\":true}"),
            Title("characters a table key refuses", "a/b\\c#d?e%f"),
            Title("leading and trailing spaces kept", "  Mellanrum  "),
            Title("title of exactly 255 characters", title255),
            new("title of 256 characters", Item(title256, u.Anna), Quarantined, "Title is 256 characters; the limit is 255."),
            new("title of only whitespace", Item(" \t ", u.Anna), Quarantined, "Title is missing."),
            new("goal of 32,000 characters", Item("Långt mål", u.Anna).With("Goal", new string('m', 32_000)), Created) { Expect = { ["Goal"] = new string('m', 32_000) } },
            new("goal of 32,001 characters", Item("För långt mål", u.Anna).With("Goal", new string('m', 32_001)), Quarantined, "Goal is 32001 characters; the limit is 32000."),
            new("responsible body of only whitespace", Item("Tomt organ", u.Anna).With("ResponsibleBody", "   "), Created) { Expect = { ["ResponsibleBody"] = null } },
            new("case number padded with spaces", Item("Diarienummer", u.Anna).With("CaseNumber", "  AMN 2015-0340-01.02  "), Created) { Expect = { ["CaseNumber"] = "AMN 2015-0340-01.02" } },
            new("case number of 1,000 characters", Item("Långt diarienummer", u.Anna).With("CaseNumber", Repeat("AMN 2015-0340-01.02/", 1_000)), Created)
            {
                Expect = { ["CaseNumber"] = Repeat("AMN 2015-0340-01.02/", 1_000) },
            },
            new("case number of 32,001 characters", Item("För långt diarienummer", u.Anna).With("CaseNumber", Repeat("AMN 2015-0340-01.02/", 32_001)), Quarantined, "CaseNumber is 32001 characters; the limit is 32000."),
        ];
    }

    /// <summary>The longest text the mapper takes, on an item the scan must notify about.</summary>
    public static IReadOnlyList<HostileCase> LongestTexts(HostileUsers u) =>
    [
        new("case number of 32,000 characters, overdue", Item("Längsta diarienummer", u.Anna, LastWeek).With("CaseNumber", Repeat("AMN 2015-0340-01.02/", 32_000)), Created)
        {
            Expect = { ["CaseNumber"] = Repeat("AMN 2015-0340-01.02/", 32_000) },
        },
        new("responsible body of 32,000 characters, due soon", Item("Längsta organ", u.Omar, NextWeek).With("ResponsibleBody", Repeat("Arbetsmarknadsnämnden ", 32_000)), Created)
        {
            Expect = { ["ResponsibleBody"] = Repeat("Arbetsmarknadsnämnden ", 32_000) },
        },
        new("an ordinary overdue item beside them", Item("Vanlig försenad", u.Anna, LastWeek), Created),
    ];

    /// <summary>
    /// Items each within every limit (a text column holds 32,000 characters, an entity 1 MiB), read
    /// as one page of SharePoint's size: together more than a table transaction's 4 MiB.
    /// </summary>
    public static IReadOnlyList<HostileCase> FullPageOfLongestTexts(HostileUsers u) =>
    [
        .. Enumerable.Range(1, 40).Select(i => new HostileCase($"every text column at 32,000 characters, {i}", Item($"Fullt {i}", i % 2 == 0 ? u.Anna : u.Omar)
            .With("Goal", Repeat($"Mål {i} ", 32_000)).With("ResponsibleBody", Repeat($"Organ {i} ", 32_000))
            .With("CaseNumber", Repeat($"AMN {i} ", 32_000)).With("BudgetAssignment", Repeat($"Uppdrag {i} ", 32_000)), Created)
        {
            Expect = { ["Goal"] = Repeat($"Mål {i} ", 32_000), ["CaseNumber"] = Repeat($"AMN {i} ", 32_000).Trim() },
        }),
    ];

    public static IReadOnlyList<HostileCase> JsonTypes(HostileUsers u)
    {
        HostileCase Typed(string name, string column, object? value, Outcome outcome, string? expected) =>
            outcome == Created
                ? new(name, Item($"Typ: {name}", u.Anna).With(column, value), Created) { Expect = { [column] = expected } }
                : new(name, Item($"Typ: {name}", u.Anna).With(column, value), outcome, expected);

        return
        [
            // Graph sends every column as its JSON; text is read as the JSON's own spelling.
            Typed("title as a number", "Title", Json("42"), Created, "42"),
            Typed("title as a number with an exponent", "Title", Json("1e3"), Created, "1e3"),
            Typed("title as a boolean", "Title", true, Created, "true"),
            Typed("title as an object", "Title", Json("{\"sv\":\"Mal\",\"en\":\"Goal\"}"), Created, "{\"sv\":\"Mal\",\"en\":\"Goal\"}"),
            Typed("title as an array", "Title", Json("[\"a\",\"b\"]"), Created, "[\"a\",\"b\"]"),
            Typed("title as an empty array", "Title", Json("[]"), Created, "[]"),
            Typed("title null (absent)", "Title", null, Quarantined, "Title is missing."),
            Typed("title empty", "Title", "", Quarantined, "Title is missing."),
            Typed("goal as a number", "Goal", 7, Created, "7"),
            Typed("goal as a boolean", "Goal", false, Created, "false"),
            Typed("goal null (absent)", "Goal", null, Created, null),
            Typed("responsible body as an array", "ResponsibleBody", Json("[\"AMN\",\"SBR\"]"), Created, "[\"AMN\",\"SBR\"]"),
            Typed("case number as a number", "CaseNumber", 2015, Created, "2015"),
            Typed("budget assignment as a lookup object", "BudgetAssignment", Json("{\"LookupId\":3,\"LookupValue\":\"Budget 2021\"}"), Created, "{\"LookupId\":3,\"LookupValue\":\"Budget 2021\"}"),
            Typed("due date as a boolean", "DueDate", true, Quarantined, "'true' is not a date"),
            Typed("due date as an object", "DueDate", Json("{\"date\":\"2027-03-15\"}"), Quarantined, NotIso),
            Typed("due date as an array of one date", "DueDate", Json("[\"2027-03-15\"]"), Quarantined, NotIso),
            Typed("status as a number", "Status", 1, Quarantined, "Status '1' " + NotAccepted),
            Typed("status as a boolean", "Status", true, Quarantined, "Status 'true' " + NotAccepted),
            Typed("status as an object", "Status", Json("{\"Value\":\"In progress\"}"), Quarantined, NotAccepted),
            Typed("owner id as a boolean", "OwnerLookupId", false, Quarantined, "Owner 'false' is not a SharePoint user id"),
            Typed("owner id as an object", "OwnerLookupId", Json($"{{\"LookupId\":{u.Omar}}}"), Quarantined, "is not a SharePoint user id"),
            Typed("owner id as an array", "OwnerLookupId", Json($"[{u.Omar}]"), Quarantined, "is not a SharePoint user id"),
        ];
    }

    public static IReadOnlyList<HostileCase> Duplicates(HostileUsers u) =>
    [
        new("identical content, first", Item("Samma innehåll", u.Omar, NextWeek), Created),
        new("identical content, second", Item("Samma innehåll", u.Omar, NextWeek), Created),
        new("identical content, third", Item("Samma innehåll", u.Omar, NextWeek), Created),
        new("new, sent twice", Item("Ny, två gånger", u.Anna), Created) { Repeated = true, Counted = [Bucket.Created, Bucket.Unchanged] },
        new("stored, edited, the edit sent twice", Item("Före ändring", u.Anna), Created)
        {
            Lifecycle = Lifecycle.StoredThenEdited,
            Edit = new Dictionary<string, object?> { ["Title"] = "Efter ändring" },
            Repeated = true,
            Counted = [Bucket.Updated, Bucket.Unchanged],
            Expect = { ["Title"] = "Efter ändring" },
        },
        new("stored, untouched, sent twice", Item("Orörd", u.Anna, LastWeek), Created)
        {
            Lifecycle = Lifecycle.StoredUntouched,
            Repeated = true,
            Counted = [Bucket.Unchanged, Bucket.Unchanged],
        },
        new("new and refused, sent twice", Item("Ny och ogiltig", u.Anna).With("Status", "Väntar"), Quarantined, "Status 'Väntar'")
        {
            Repeated = true,
            Counted = [Bucket.Quarantined, Bucket.Quarantined],
        },
        new("stored, edited into quarantine, sent twice", Item("Blir ogiltig", u.Anna, LastWeek), Quarantined, "Status 'Väntar på beslut'")
        {
            Lifecycle = Lifecycle.StoredThenEdited,
            Edit = new Dictionary<string, object?> { ["Status"] = "Väntar på beslut" },
            Repeated = true,
            Counted = [Bucket.Quarantined, Bucket.Quarantined],
        },
    ];

    public static IReadOnlyList<HostileCase> DeletesAndEdits(HostileUsers u) =>
    [
        new("stored and notified, then deleted", Item("Försenad, borttagen", u.Anna, LastWeek), Deleted)
        {
            Lifecycle = Lifecycle.StoredThenDeleted,
            Expect = { ["Title"] = "Försenad, borttagen", ["Flag"] = "" },
        },
        new("stored far ahead, then deleted", Item("Långt fram, borttagen", u.Omar), Deleted)
        {
            Lifecycle = Lifecycle.StoredThenDeleted,
            Expect = { ["Title"] = "Långt fram, borttagen" },
        },
        new("stored, deleted, the delete sent twice", Item("Borttagen två gånger", u.Anna), Deleted)
        {
            Lifecycle = Lifecycle.StoredThenDeleted,
            Repeated = true,
            Counted = [Bucket.Deleted, Bucket.Deleted],
        },
        new("added and deleted before the first sync", Item("Aldrig synkad", u.Anna, LastWeek), Ignored) { Lifecycle = Lifecycle.DeletedBeforeFirstSync },
        // The feed reports the delete; the engine counts it and leaves at most a tombstone.
        new("added after one sync, deleted before the next", Item("Aldrig sedd", u.Anna, LastWeek), Ignored)
        {
            Lifecycle = Lifecycle.AddedThenDeletedBetweenSyncs,
            Counted = [Bucket.Deleted],
        },
        new("quarantined, then deleted", Item("Ogiltig, borttagen", u.Anna, LastWeek).With("Status", "Väntar"), Deleted)
        {
            Lifecycle = Lifecycle.StoredThenDeleted,
        },
        new("stored and notified, then edited into quarantine", Item("Försenad, blir ogiltig", u.Anna, LastWeek), Quarantined, "Status 'Väntar på beslut'")
        {
            Lifecycle = Lifecycle.StoredThenEdited,
            Edit = new Dictionary<string, object?> { ["Status"] = "Väntar på beslut" },
        },
        new("stored and notified, then moved past the horizon", Item("Försenad, flyttad", u.Anna, LastWeek), Created)
        {
            Lifecycle = Lifecycle.StoredThenEdited,
            Edit = new Dictionary<string, object?> { ["DueDate"] = "2027-03-14T23:00:00Z" },
            Counted = [Bucket.Updated],
            Expect = { ["DueDate"] = "2027-03-15" },
        },
        new("stored and notified, then closed", Item("Försenad, klar", u.Omar, LastWeek), Created)
        {
            Lifecycle = Lifecycle.StoredThenEdited,
            Edit = new Dictionary<string, object?> { ["Status"] = PlanItemSeed.Done },
            Counted = [Bucket.Updated],
            Expect = { ["Status"] = "Done" },
        },
        new("quarantined, then fixed", Item("Ogiltig, rättad", u.Anna, NextWeek).With("DueDate", "10/12/2026"), Created)
        {
            Lifecycle = Lifecycle.StoredThenEdited,
            Edit = new Dictionary<string, object?> { ["DueDate"] = "2026-11-30T23:00:00Z" },
            Expect = { ["DueDate"] = "2026-12-01" },
        },
    ];

    /// <summary>Marker of the items whose delta entries get extra columns written into them.</summary>
    public const string InjectedColumnsMarker = "XCOLS";

    /// <summary>Columns the list never had, written into the fields of every item whose title starts with the marker.</summary>
    public const string InjectedColumns =
        "\"IsDeleted\":true,\"InQuarantine\":true,\"Flag\":\"Overdue\",\"ContentHash\":\"quarantined\",\"PartitionKey\":\"x\",\"RowKey\":\"../1\","
        + "\"Owner\":[{\"LookupId\":1,\"LookupValue\":\"Anna Lindqvist\",\"Email\":\"anna.lindqvist@natverket.example\"}],"
        + "\"Title0\":{\"nested\":[1,2,{\"deep\":null}]},\"@odata.type\":\"#microsoft.graph.bogus\",";

    public static IReadOnlyList<HostileCase> UnknownColumns(HostileUsers u) =>
    [
        new("extra columns in the list", Item("Extra kolumner", u.Anna)
            .With("Kommentar", "Fritext").With("IsDeleted", true).With("InQuarantine", true).With("Flag", "Overdue")
            .With("PartitionKey", "x").With("RowKey", "../1").With("ContentHash", "quarantined"), Created)
        {
            Expect = { ["Flag"] = "" },
        },
        new("extra columns of every JSON type", Item("Extra typer", u.Omar, NextWeek)
            .With("Antal", 3).With("Klar", false).With("Taggar", Json("[\"a\",\"b\"]")).With("Objekt", Json("{\"k\":{\"v\":[null]}}")), Created),
        new("columns written into the delta entry", Item($"{InjectedColumnsMarker} i delta", u.Anna), Created) { Expect = { ["Flag"] = "" } },
        new("columns written into the delta entry, overdue", Item($"{InjectedColumnsMarker} försenad", u.Omar, LastWeek), Created),
        new("columns written into a refused item's entry", Item($"{InjectedColumnsMarker} ogiltig", u.Anna).With("Status", "Väntar"), Quarantined, "Status 'Väntar'")
        {
            RawPayloadContains = "\"InQuarantine\"",
        },
        new("our flag column typed by hand on an item far ahead", Item("Handskriven flagga", u.Anna).With("OverdueFlag", "Overdue"), Created) { Expect = { ["Flag"] = "" } },
        new("our flag column holding a word of its own, overdue", Item("Egen flagga", u.Anna, LastWeek).With("OverdueFlag", "Försenad!"), Created),
    ];

    /// <summary>Replaced by an escaped lone surrogate in the delta answers.</summary>
    public const string UnreadableMarker = "LONE-SURROGATE";

    public static IReadOnlyList<HostileCase> Unreadable(HostileUsers u) =>
    [
        new("lone surrogate in the title", Item(UnreadableMarker, u.Anna, LastWeek), Quarantined, "cannot be read") { RawPayloadContains = "\\ud800" },
        new("lone surrogate in the goal", Item("Oläsligt mål", u.Anna).With("Goal", $"Mål {UnreadableMarker} slut"), Quarantined, "cannot be read"),
        new("lone surrogate in a column we do not read", Item("Oläslig budget", u.Omar, LastWeek).With("BudgetAssignment", UnreadableMarker), Quarantined, "cannot be read"),
        new("stored and notified, then edited into what .NET cannot read", Item("Läsbar först", u.Anna, LastWeek), Quarantined, "cannot be read")
        {
            Lifecycle = Lifecycle.StoredThenEdited,
            Edit = new Dictionary<string, object?> { ["Title"] = $"Sedan {UnreadableMarker}" },
        },
        .. Enumerable.Range(1, 7).Select(i => new HostileCase($"readable neighbour {i}", Item($"Läsbar {i}", i % 2 == 0 ? u.Anna : u.Omar, i % 3 == 0 ? LastWeek : Far), Created)),
    ];

    /// <summary>Refused values far longer than any column of theirs should hold: the reason quotes them.</summary>
    public static IReadOnlyList<HostileCase> OversizedRefusedValues(HostileUsers u) =>
    [
        new("status of 40,000 characters", Item("Lång status", u.Anna).With("Status", Repeat("Väntar ", 40_000)), Quarantined, "Status 'Väntar Väntar"),
        new("due date of 40,000 characters", Item("Långt datum", u.Anna).With("DueDate", Repeat("imorgon ", 40_000)), Quarantined, "Due date 'imorgon imorgon"),
        new("an ordinary item beside them", Item("Vanlig", u.Omar, NextWeek), Created),
    ];

    public static IReadOnlyList<HostileCase> PersonalValues(HostileUsers u) =>
    [
        new("personal identity number, email and name in the goal", Item("Kontaktuppgifter", u.Anna, LastWeek)
            .With("Goal", $"Kontakt: Anna Lindqvist, anna.lindqvist@natverket.example, {PersonalIdentityNumber}"), Created)
        {
            Expect = { ["Goal"] = $"Kontakt: Anna Lindqvist, anna.lindqvist@natverket.example, {PersonalIdentityNumber}" },
        },
        new("a name in the title", Item("Möte med Omar Haddad", u.Omar, NextWeek), Created),
        new("an email as responsible body", Item("Ansvar per e-post", u.Anna).With("ResponsibleBody", "omar.haddad@natverket.example"), Created)
        {
            Expect = { ["ResponsibleBody"] = "omar.haddad@natverket.example" },
        },
        new("a personal identity number as case number, overdue", Item("Personnummer som diarienummer", u.Anna, LastWeek).With("CaseNumber", PersonalIdentityNumber), Created)
        {
            Expect = { ["CaseNumber"] = PersonalIdentityNumber },
        },
        new("a 256-character title holding a personal identity number", Item(Repeat($"{PersonalIdentityNumber} ", 256), u.Anna), Quarantined, "Title is 256 characters"),
        new("owner without email", Item("Extern ägare", u.NoEmail, LastWeek), Quarantined, $"Owner (user {u.NoEmail}) has no email"),
        // Free text where a choice, a date or an id belongs: the reason quotes it, and the reason is logged.
        new("a name typed as status", Item("Status med namn", u.Anna).With("Status", "Väntar på Omar Haddad"), Quarantined, NotAccepted),
        new("a personal identity number typed as due date", Item("Datum med personnummer", u.Anna).With("DueDate", PersonalIdentityNumber), Quarantined, NotIso),
        new("an email where the owner's lookup id belongs", Item("Ägare som e-post", u.Anna).With("OwnerLookupId", "anna.lindqvist@natverket.example"), Quarantined, "is not a SharePoint user id"),
        new("a multi-person value where the owner's lookup id belongs", Item("Flera ägare", u.Anna)
            .With("OwnerLookupId", Json($"[{{\"LookupId\":{u.Omar},\"LookupValue\":\"Omar Haddad\",\"Email\":\"omar.haddad@natverket.example\"}}]")), Quarantined, "is not a SharePoint user id"),
    ];
}
