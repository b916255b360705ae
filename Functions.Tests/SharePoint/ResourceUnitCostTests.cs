using System.Text;
using Integration.Core.SharePoint.Pacing;

namespace Integration.Functions.Tests.SharePoint;

/// <summary>SharePoint's published estimate, as the pacing counts it: what each kind of Graph call costs.</summary>
public class ResourceUnitCostTests
{
    [Theory]
    [InlineData("GET", "/sites/s/lists/l/items/7", 1)]
    [InlineData("GET", "/sites/s/lists/l/items/7?$expand=fields($select=Title)", 1)]
    [InlineData("GET", "/drives/d/items/42/listItem?$expand=fields", 1)]
    [InlineData("GET", "/drives/d/items/42/content", 1)]
    [InlineData("GET", "/sites/s/lists/l/items/microsoft.graph.delta()", 2)]
    [InlineData("GET", "/sites/s/lists/l/items/delta()?$top=200", 2)]
    [InlineData("GET", "/sites/s/lists/l/items/delta()?token=abc", 1)]
    [InlineData("GET", "/sites/s/lists/l/items/microsoft.graph.delta(token='abc')", 1)]
    [InlineData("GET", "/drives/d/items/root/delta()?$skiptoken=x", 1)]
    [InlineData("GET", "/sites/s/lists/User Information List/items?$top=200", 2)]
    [InlineData("GET", "/sites/s/lists/l/columns", 2)]
    [InlineData("GET", "/sites/s/drives", 2)]
    [InlineData("GET", "/sites/s", 1)]
    [InlineData("PATCH", "/sites/s/lists/l/items/7/fields", 2)]
    [InlineData("POST", "/sites/s/lists/l/items", 2)]
    [InlineData("DELETE", "/sites/s/lists/l/items/7", 2)]
    [InlineData("PUT", "/drives/d/root:/rapport.pdf:/content", 2)]
    public void A_call_costs_what_SharePoint_publishes(string method, string path, int units) =>
        Assert.Equal(units, ResourceUnitCost.Of(method, path));

    [Fact]
    public void A_batch_costs_the_sum_of_its_requests()
    {
        var body = """
            {"requests":[
              {"id":"1","method":"PATCH","url":"/sites/s/lists/l/items/1/fields","body":{"OverdueFlag":"Overdue"},"headers":{"Content-Type":"application/json"}},
              {"id":"2","method":"PATCH","url":"sites/s/lists/l/items/2/fields","body":{"OverdueFlag":""},"headers":{"Content-Type":"application/json"}},
              {"id":"3","method":"GET","url":"/drives/d/items/3/listItem?$expand=fields($select=MeetingDate)"}
            ]}
            """;

        Assert.Equal(5, ResourceUnitCost.OfBatch(Encoding.UTF8.GetBytes(body)));
    }
}
