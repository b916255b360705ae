using Integration.Emulators.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Sites.Item.Lists.Item.Items;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Integration.Functions.Tests.Emulators;

/// <summary>
/// A fresh Graph stand-in per test with one site and an "Action Plan" list, and the real Graph SDK
/// pointed at it through the SDK's own handler chain (so its retry handler is in play).
/// </summary>
public abstract class GraphStandInTest : IAsyncLifetime
{
    private HttpClient httpClient = null!;

    protected GraphStandIn StandIn { get; private set; } = null!;

    protected SharePointSite Site { get; private set; } = null!;

    protected SharePointList Plan { get; private set; } = null!;

    protected GraphServiceClient Client { get; private set; } = null!;

    /// <summary>A plain client for URL forms the SDK does not produce.</summary>
    protected HttpClient Raw { get; } = new();

    protected ItemsRequestBuilder PlanItems => Client.Sites[Site.Id].Lists[Plan.Id].Items;

    public async Task InitializeAsync()
    {
        StandIn = await GraphStandIn.StartAsync();
        Site = StandIn.State.AddSite("contoso.sharepoint.com", "/sites/handlingsplan", "Handlingsplan för sociala företag");
        // SharePoint refuses a write to a field the list has no column for: the columns the tests write are declared.
        Plan = Site.AddList("Action Plan").DefineColumn("Status").DefineColumn("OverdueFlag").DefineColumn("Comment", type: ColumnType.MultilineText);
        AddToSite();
        httpClient = GraphClientFactory.Create();
        Client = new GraphServiceClient(httpClient, new AnonymousAuthenticationProvider(), StandIn.BaseUrl.ToString());
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        httpClient.Dispose();
        Raw.Dispose();
        await StandIn.DisposeAsync();
    }

    /// <summary>Where a test class adds more lists or libraries to <see cref="Site"/> before each test.</summary>
    protected virtual void AddToSite()
    {
    }

    protected int AddPlanItem(string title, IDictionary<string, object?>? more = null)
    {
        var fields = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>()) { ["Title"] = title };
        return Plan.Add(fields);
    }

    /// <summary>Follows a delta enumeration to its deltaLink the way a sync engine does, counting pages.</summary>
    protected async Task<DeltaRead> ReadDeltaAsync(string? deltaLink = null, int top = 200)
    {
        var response = deltaLink is null
            ? await PlanItems.Delta.GetAsDeltaGetResponseAsync(rc =>
            {
                rc.QueryParameters.Expand = ["fields"];
                rc.QueryParameters.Top = top;
            })
            : await PlanItems.Delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync();
        var items = new List<ListItem>(response!.Value!);
        var pages = new List<List<ListItem>> { response.Value! };
        while (response!.OdataNextLink is { } next)
        {
            response = await PlanItems.Delta.WithUrl(next).GetAsDeltaGetResponseAsync();
            items.AddRange(response!.Value!);
            pages.Add(response.Value!);
        }

        return new DeltaRead(items, pages, response.OdataDeltaLink!);
    }

    protected static string? Field(ListItem item, string name) =>
        item.Fields?.AdditionalData.TryGetValue(name, out var value) == true ? value?.ToString() : null;

    protected sealed record DeltaRead(List<ListItem> Items, List<List<ListItem>> Pages, string DeltaLink);
}
