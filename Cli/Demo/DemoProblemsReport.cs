using System.Globalization;
using Integration.Core.SharePoint;
using Integration.Emulators.Graph;

namespace Integration.Cli.Demo;

/// <summary>
/// The data-problem column as the network sees it in SharePoint: each item of each list that the night
/// wrote a problem on, with the text, read back from the stand-in's lists.
/// </summary>
internal static class DemoProblemsReport
{
    public static void Write(IEnumerable<SharePointList> lists, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("The column Att rätta (DataProblem) in SharePoint, as the night wrote it:");
        foreach (var list in lists)
        {
            var told = Told(list).ToList();
            output.WriteLine($"  {list.DisplayName}: {told.Count} item(s)");
            foreach (var (id, title, text) in told) output.WriteLine($"    item {id}{(title.Length > 0 ? " " + title : "")}: {text}");
        }
    }

    /// <summary>The items of <paramref name="list"/> whose column holds a text, by id.</summary>
    public static IEnumerable<(int Id, string Title, string Text)> Told(SharePointList list) =>
        list.LiveIds().Order()
            .Select(id => (Id: id, Fields: list.GetFields(id)!))
            .Where(i => i.Fields.GetValueOrDefault(DataProblemColumn.Name) is string { Length: > 0 })
            .Select(i => (i.Id, Convert.ToString(i.Fields.GetValueOrDefault("Title"), CultureInfo.InvariantCulture) ?? "", (string)i.Fields[DataProblemColumn.Name]!));
}
