namespace Integration.Functions.Tests.Hostile;

/// <summary>The tables of hostile items themselves: as many as promised, every outcome present, names unique.</summary>
public class HostileCaseTableTests
{
    private static readonly HostileUsers Users = new(1, 2, 3);

    public static TheoryData<string, int> Families => new()
    {
        { nameof(HostileCases.Dates), HostileCases.Dates(Users).Count },
        { nameof(HostileCases.Statuses), HostileCases.Statuses(Users).Count },
        { nameof(HostileCases.Owners), HostileCases.Owners(Users).Count },
        { nameof(HostileCases.OwnerIdsGraphRefuses), HostileCases.OwnerIdsGraphRefuses(Users).Count },
        { nameof(HostileCases.Texts), HostileCases.Texts(Users).Count },
        { nameof(HostileCases.LongestTexts), HostileCases.LongestTexts(Users).Count },
        { nameof(HostileCases.FullPageOfLongestTexts), HostileCases.FullPageOfLongestTexts(Users).Count },
        { nameof(HostileCases.JsonTypes), HostileCases.JsonTypes(Users).Count },
        { nameof(HostileCases.Duplicates), HostileCases.Duplicates(Users).Count },
        { nameof(HostileCases.DeletesAndEdits), HostileCases.DeletesAndEdits(Users).Count },
        { nameof(HostileCases.UnknownColumns), HostileCases.UnknownColumns(Users).Count },
        { nameof(HostileCases.Unreadable), HostileCases.Unreadable(Users).Count },
        { nameof(HostileCases.OversizedRefusedValues), HostileCases.OversizedRefusedValues(Users).Count },
        { nameof(HostileCases.PersonalValues), HostileCases.PersonalValues(Users).Count },
    };

    private static List<HostileCase> All() =>
    [
        .. HostileCases.Dates(Users), .. HostileCases.Statuses(Users), .. HostileCases.Owners(Users), .. HostileCases.OwnerIdsGraphRefuses(Users),
        .. HostileCases.Texts(Users), .. HostileCases.LongestTexts(Users), .. HostileCases.FullPageOfLongestTexts(Users), .. HostileCases.JsonTypes(Users),
        .. HostileCases.Duplicates(Users), .. HostileCases.DeletesAndEdits(Users), .. HostileCases.UnknownColumns(Users), .. HostileCases.Unreadable(Users),
        .. HostileCases.OversizedRefusedValues(Users), .. HostileCases.PersonalValues(Users),
    ];

    [Fact]
    public void TheTablesHoldAtLeastSixtyHostileItemsInEveryOutcome()
    {
        var all = All();

        Assert.True(all.Count >= 60, $"{all.Count} hostile items");
        Assert.All(Enum.GetValues<Outcome>(), o => Assert.Contains(all, c => c.Outcome == o));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void EveryFamilyHoldsSeveralItems(string family, int count) => Assert.True(count >= 3, $"{family} holds {count}");

    [Fact]
    public void EveryQuarantinedItemNamesWhatTheReasonMustSay() =>
        Assert.All(All().Where(c => c.Outcome == Outcome.Quarantined), c => Assert.True(c.Detail is not null || c.DetailAnyOf is not null, c.Name));
}
