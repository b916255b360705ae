using Integration.Functions.Tests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Integration.Functions.Tests.Hostile;

/// <summary>
/// Hostile and malformed plan items, a family at a time, through the real sync and overdue scan
/// (Graph SDK against the stand-in, Azurite for storage). The items and their expected outcomes
/// are the tables in <see cref="HostileCases"/>; <see cref="HostileRun"/> checks every invariant.
/// </summary>
public class HostileInputTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());

    private HostileUsers Users => new(Anna, Omar, NoEmail);

    private Task VerifyAsync(IReadOnlyList<HostileCase> cases, Action<Integration.Emulators.Graph.GraphStandIn>? faults = null) =>
        new HostileRun(Harness).VerifyAsync(cases, faults);

    [Fact]
    public Task DatesInEveryFormSharePointAndPeopleWrite() => VerifyAsync(HostileCases.Dates(Users));

    [Fact]
    public Task StatusesInTwoLanguagesWithOddSpacingCaseAndForm() => VerifyAsync(HostileCases.Statuses(Users));

    [Fact]
    public Task OwnersThatAreMissingUnknownOrWithoutEmail() => VerifyAsync(HostileCases.Owners(Users));

    [Fact]
    public Task AnOwnerIdGraphWillNotLookUpIsQuarantinedAndTheRunGoesOn() => VerifyAsync(HostileCases.OwnerIdsGraphRefuses(Users));

    [Fact]
    public Task TextInAnyScriptWithControlCharactersInjectionsAndLengthLimits() => VerifyAsync(HostileCases.Texts(Users));

    [Fact]
    public Task ItemsWithTheLongestTextsTheMapperTakesAreFlaggedAndNotified() => VerifyAsync(HostileCases.LongestTexts(Users));

    [Fact]
    public Task ColumnsOfTheWrongJsonType() => VerifyAsync(HostileCases.JsonTypes(Users));

    [Fact]
    public Task DuplicatesAndItemsTheFeedRepeats() => VerifyAsync(HostileCases.Duplicates(Users));

    [Fact]
    public Task DeletesAndEditsOfStoredQuarantinedAndUnseenItems() => VerifyAsync(HostileCases.DeletesAndEdits(Users));

    [Fact]
    public Task UnknownColumnsAreIgnored() => VerifyAsync(HostileCases.UnknownColumns(Users), graph =>
        graph.Faults.Rewrite($"\"Title\":\"{HostileCases.InjectedColumnsMarker}", HostileCases.InjectedColumns + $"\"Title\":\"{HostileCases.InjectedColumnsMarker}", count: 10, pathContains: "delta"));

    [Fact]
    public Task AnItemDotNetCannotReadIsQuarantinedAndTheRestStored() => VerifyAsync(HostileCases.Unreadable(Users), graph =>
        graph.Faults.Rewrite(HostileCases.UnreadableMarker, "\\ud800", count: 10, pathContains: "delta"));

    [Fact]
    public Task ARefusedValueTooLongToQuoteIsQuarantinedAndTheRunGoesOn() => VerifyAsync(HostileCases.OversizedRefusedValues(Users));

    [Fact]
    public Task PersonalValuesInAnyColumnStayOutOfTheLogs() => VerifyAsync(HostileCases.PersonalValues(Users));
}
