using System.Globalization;
using System.Text.RegularExpressions;
using Integration.Emulators.Bench;
using Integration.Emulators.Graph;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The bench's plan-item data, straight on the stand-in's lists (no HTTP).</summary>
public sealed partial class PlanItemGeneratorTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private GraphStandIn standIn = null!;

    public async Task InitializeAsync() => standIn = await GraphStandIn.StartAsync();

    public async Task DisposeAsync() => await standIn.DisposeAsync();

    [Fact]
    public void Same_seed_gives_the_same_items_and_the_same_changes()
    {
        var (first, second, other) = (NewList("a"), NewList("b"), NewList("c"));

        PlanItemGenerator.SeedList(first, new SeedRequest(500, Seed: 42, Today, Owners: 30));
        PlanItemGenerator.SeedList(second, new SeedRequest(500, Seed: 42, Today, Owners: 30));
        PlanItemGenerator.SeedList(other, new SeedRequest(500, Seed: 43, Today, Owners: 30));
        var firstChange = PlanItemGenerator.MutateList(first, new MutationRequest(0.2, Seed: 7, Today));
        var secondChange = PlanItemGenerator.MutateList(second, new MutationRequest(0.2, Seed: 7, Today));

        Assert.Equal(firstChange, secondChange);
        Assert.Equal(Snapshot(first), Snapshot(second));
        Assert.NotEqual(Snapshot(first).Take(10), Snapshot(other).Take(10));
    }

    [Fact]
    public void Seeded_items_look_like_the_networks_plan()
    {
        var list = NewList("plan");

        var result = PlanItemGenerator.SeedList(list, new SeedRequest(10_000, Seed: 42, Today, Owners: 200));

        Assert.Equal(10_000, result.Count);
        var items = Enumerable.Range(1, 10_000).Select(id => list.GetFields(id)!).ToList();
        Assert.All(items, i => Assert.InRange(Text(i, "Title")!.Length, 30, 120));
        Assert.All(items, i => Assert.InRange(Text(i, "Goal")!.Length, 80, 400));
        Assert.All(items, i => Assert.Matches(CaseNumber(), Text(i, "CaseNumber")!));
        Assert.All(items, i => Assert.StartsWith("Budget 20", Text(i, "BudgetAssignment"), StringComparison.Ordinal));
        Assert.Contains(items, i => Text(i, "ResponsibleBody") == "Skarpnäcks stadsdelsnämnd");
        Assert.InRange(Share(items, i => Text(i, "ResponsibleBody") == "Arbetsmarknadsnämnden"), 0.1, 0.4);
        Assert.InRange(Share(items, i => Text(i, "Status") == "Pågår / In progress"), 0.32, 0.38);
        Assert.InRange(Share(items, i => Text(i, "Status") == "Ej påbörjad / Not started"), 0.27, 0.33);
        Assert.InRange(Share(items, i => Text(i, "Status") == "Klar / Done"), 0.22, 0.28);
        Assert.InRange(Share(items, i => Text(i, "Status") == "Avbruten / Cancelled"), 0.08, 0.12);
        Assert.InRange(Share(items, i => Text(i, "Status") == PlanItemGenerator.UnknownStatus || Text(i, "DueDate") is null), 0.002, 0.009);
        Assert.InRange(Share(items, i => Text(i, "Title")!.Any(IsEmojiOrArabic)), 0.003, 0.02);
        Assert.InRange(items.Select(i => Text(i, "OwnerLookupId")).Distinct().Count(), 190, 200);

        // Date-only: local midnight in Stockholm as a UTC instant, from half a year back to a year ahead.
        var dues = items.Select(i => Text(i, "DueDate")).OfType<string>()
            .Select(d => TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(d, CultureInfo.InvariantCulture), Stockholm)).ToList();
        Assert.All(dues, d => Assert.Equal(TimeSpan.Zero, d.TimeOfDay));
        Assert.InRange(DateOnly.FromDateTime(dues.Min().DateTime), Today.AddDays(-180), Today.AddDays(-170));
        Assert.InRange(DateOnly.FromDateTime(dues.Max().DateTime), Today.AddDays(355), Today.AddDays(365));
    }

    [Fact]
    public void Owners_are_people_in_the_user_information_list_and_one_in_fifty_has_no_email()
    {
        var list = NewList("owners");

        PlanItemGenerator.SeedList(list, new SeedRequest(10, Seed: 42, Today, Owners: 200));

        var site = standIn.State.Sites.Single(s => s.Lists.Contains(list));
        var people = Enumerable.Range(1, 200).Select(id => site.UserInformationList.GetFields(id)!).ToList();
        Assert.Equal(200, people.Select(p => Text(p, "Title")).Distinct().Count());
        Assert.Equal(4, people.Count(p => Text(p, "EMail") is null));
        Assert.All(people.Select(p => Text(p, "EMail")).OfType<string>(), mail => Assert.Matches(Mailbox(), mail));
        Assert.Null(site.UserInformationList.GetFields(201));
    }

    [Fact]
    public void Mutation_splits_sixty_twenty_twenty_and_every_edit_changes_a_value()
    {
        var list = NewList("mutate");
        PlanItemGenerator.SeedList(list, new SeedRequest(1_000, Seed: 42, Today, Owners: 20));
        var before = Snapshot(list);

        var result = PlanItemGenerator.MutateList(list, new MutationRequest(0.1, Seed: 7, Today));

        Assert.Equal(new MutationResult(60, 20, 20), result);
        Assert.Equal(1_000, list.Count);
        var after = Snapshot(list);
        Assert.Equal(20, before.Keys.Count(id => !after.ContainsKey(id)));
        Assert.Equal(20, after.Keys.Count(id => !before.ContainsKey(id)));
        Assert.Equal(60, before.Keys.Count(id => after.TryGetValue(id, out var now) && now != before[id]));
    }

    [Fact]
    public void Control_api_seeds_the_networks_site_and_reuses_it()
    {
        var generator = new PlanItemGenerator();

        var first = generator.Seed(standIn.State, new SeedRequest(100, Seed: 1, Today, Owners: 5));
        var second = generator.Seed(standIn.State, new SeedRequest(50, Seed: 1, Today, Owners: 5));

        Assert.Equal((first.SiteId, first.ListId), (second.SiteId, second.ListId));
        Assert.Equal(150, second.Count);
        var site = standIn.State.GetSite(first.SiteId);
        Assert.Equal(5, site.UserInformationList.Count - 1);
        Assert.Equal("plan-items", generator.Source);
    }

    private SharePointList NewList(string name) =>
        standIn.State.AddSite("stockholm.sharepoint.com", "/sites/" + name, name).AddList(PlanItemGenerator.ListName);

    private static Dictionary<int, string> Snapshot(SharePointList list) =>
        Enumerable.Range(1, 2_000).Select(id => (id, fields: list.GetFields(id))).Where(x => x.fields is not null)
            .ToDictionary(x => x.id, x => string.Join("|", x.fields!.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")));

    private static string? Text(IReadOnlyDictionary<string, object?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value as string : null;

    private static bool IsEmojiOrArabic(char c) => char.IsSurrogate(c) || c is (>= '\u0600' and <= '\u06FF') or '✅';

    private static double Share<T>(List<T> items, Func<T, bool> predicate) => items.Count(predicate) / (double)items.Count;

    [GeneratedRegex(@"^(AMN|KS) 20\d\d-\d{4}-\d\.\d$")]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"^[a-z]+\.[a-z]+\d*@natverket\.example$")]
    private static partial Regex Mailbox();
}
