using Integration.Core.Configuration;
using Integration.Core.PlanItems;
using Integration.Core.SharePoint;

namespace Integration.Functions.Tests.SharePoint;

/// <summary>The column check's pure parts: the closest name, what is wrong with a mapping, and when a page is suspect.</summary>
public class ColumnCheckTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The plan-item list as a Swedish site has it, with the due date under its own internal name.</summary>
    private static readonly SharePointColumn[] Site =
    [
        new("Title", "Title"), new("Goal", "Mål"), new("ResponsibleBody", "Ansvarig nämnd"), new("Owner", "Ansvarig"),
        new("Slutdatum", "Klart senast"), new("Status", "Status"), new("CaseNumber", "Diarienummer"),
        new("BudgetAssignment", "Budgetuppdrag"), new("OverdueFlag", "Försenad"),
        new("ID", "ID", ReadOnly: true), new("Created", "Created", ReadOnly: true), new("Author", "Created By", ReadOnly: true),
        new("LinkTitle", "Title", ReadOnly: true), new("ItemChildCount", "Item Child Count", Hidden: true, ReadOnly: true),
    ];

    private static IReadOnlyList<MappedColumn> Mapping(params (string Column, string Name)[] overrides)
    {
        var options = new SharePointOptions();
        options.Fields[PlanItemColumns.List] = overrides.ToDictionary(o => o.Column, o => o.Name);
        return new PlanItemMapper(new ColumnNames(options, PlanItemColumns.List), new PlanItemStatusMap(new PlanItemStatusOptions()), Stockholm).Mapping;
    }

    private static IReadOnlyList<ColumnProblem> Problems(IEnumerable<SharePointColumn> columns, params (string Column, string Name)[] overrides) =>
        ColumnCheck.Problems(Mapping(overrides), [.. columns]);

    public class TheDistance
    {
        [Theory]
        [InlineData("Slutdatumm", "Slutdatum", 1)]
        [InlineData("DeuDate", "DueDate", 1)] // two neighbours swapped
        [InlineData("duedate", "DueDate", 0)] // case is not an edit here; the check still wants the exact name
        [InlineData("kitten", "sitting", 3)]
        [InlineData("", "Goal", 4)]
        [InlineData("Ansvarig", "Ansvarig", 0)]
        public void CountsTheEditsBetweenTwoNames(string a, string b, int expected)
        {
            Assert.Equal(expected, ClosestColumn.Distance(a, b));
            Assert.Equal(expected, ClosestColumn.Distance(b, a));
        }
    }

    public class TheClosestColumn
    {
        [Fact]
        public void IsFoundByInternalName()
        {
            Assert.Equal("Slutdatum", ClosestColumn.Find("Slutdatumm", Site)!.Name);
        }

        [Fact]
        public void IsFoundByDisplayNameAndNamedByItsInternalName()
        {
            Assert.Equal("Slutdatum", ClosestColumn.Find("Klart senast", Site)!.Name);
            Assert.Equal("Goal", ClosestColumn.Find("Mål", Site)!.Name);
        }

        [Fact]
        public void OnATiePrefersAWritableVisibleColumnMatchedByItsName()
        {
            // "Titel" is one swap from Title's name and from LinkTitle's display name "Title".
            Assert.Equal("Title", ClosestColumn.Find("Titel", Site)!.Name);
            Assert.Equal("Title", ClosestColumn.Find("Titel", Site.Reverse())!.Name);
        }

        [Fact]
        public void IsOneOfSharePointsOwnOnlyWhenTheListHasNoOther()
        {
            // DueDate is fewer edits from Created than from Slutdatum, but no setting means Created.
            Assert.Equal("Slutdatum", ClosestColumn.Find("DueDate", [new("Created", "Created", ReadOnly: true), new("Slutdatum", "Klart senast")])!.Name);
            Assert.Equal("Created", ClosestColumn.Find("Creatd", [new("Created", "Created", ReadOnly: true)])!.Name);
        }

        [Fact]
        public void IsNullForAListWithoutColumns()
        {
            Assert.Null(ClosestColumn.Find("DueDate", []));
        }
    }

    public class TheProblems
    {
        [Fact]
        public void AreNoneForAMappingTheListHas()
        {
            Assert.Empty(Problems(Site, ("DueDate", "Slutdatum")));
        }

        [Fact]
        public void NameTheSettingTheConfiguredColumnAndTheClosestInternalName()
        {
            var problem = Assert.Single(Problems(Site, ("DueDate", "Slutdatumm")));

            Assert.Equal(PlanItemColumns.DueDate, problem.Column.Column);
            Assert.Equal("Slutdatum", problem.Closest!.Name);
            Assert.Contains("SharePoint__Fields__PlanItems__DueDate is 'Slutdatumm'", problem.Text, StringComparison.Ordinal);
            Assert.Contains("the closest is 'Slutdatum' (display name 'Klart senast')", problem.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void SayWhenTheMissingColumnIsTheDefault()
        {
            var problem = Assert.Single(Problems(Site));

            Assert.Contains("SharePoint__Fields__PlanItems__DueDate is not set, so the column is 'DueDate' (the default)", problem.Text, StringComparison.Ordinal);
            Assert.Equal("Slutdatum", problem.Closest!.Name);
        }

        [Fact]
        public void CheckAPersonColumnByItsOwnNameNotItsLookupId()
        {
            Assert.DoesNotContain(Site, c => c.Name == "OwnerLookupId");
            Assert.Empty(Problems(Site, ("DueDate", "Slutdatum")));

            var problem = Assert.Single(Problems(Site, ("DueDate", "Slutdatum"), ("Owner", "OwnerLookupId")));
            Assert.Equal("Owner", problem.Closest!.Name);
            Assert.Contains("named without 'LookupId'", problem.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void IncludeOptionalColumnsAndTheWrittenFlag()
        {
            var problems = Problems(Site.Where(c => c.Name is not ("Goal" or "OverdueFlag")), ("DueDate", "Slutdatum"));

            Assert.Equal(["Goal", "OverdueFlag"], problems.Select(p => p.Column.Column));
        }

        [Fact]
        public void RefuseAReadOnlyColumnForTheFlagTheScanWrites()
        {
            var problem = Assert.Single(Problems(Site, ("DueDate", "Slutdatum"), ("OverdueFlag", "Created")));

            Assert.Contains("SharePoint__Fields__PlanItems__OverdueFlag is 'Created', a read-only column", problem.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void NeverSuggestAColumnAnotherSettingMaps()
        {
            // "Statuss" is one edit from Status, which Status maps: the suggestion is another column.
            var problem = Assert.Single(Problems(Site, ("DueDate", "Slutdatum"), ("CaseNumber", "Statuss")));

            Assert.NotEqual("Status", problem.Closest!.Name);
        }

        [Fact]
        public void AreAllInOneMessage()
        {
            var error = new ColumnMappingException("Handlingsplan", Problems(Site, ("DueDate", "Slutdatumm"), ("Goal", "Maal")));

            Assert.StartsWith("The columns configured for SharePoint list 'Handlingsplan' do not match the list:", error.Message, StringComparison.Ordinal);
            Assert.Contains("SharePoint__Fields__PlanItems__DueDate", error.Message, StringComparison.Ordinal);
            Assert.Contains("SharePoint__Fields__PlanItems__Goal", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }
    }

    public class ASuspectPage
    {
        private static SharePointItem Item(string id, params string[] fields) =>
            new(id, false, fields.ToDictionary(f => f, f => (string?)"x"));

        private static readonly string[] Complete = ["Title", "OwnerLookupId", "DueDate", "Status"];

        [Fact]
        public void IsOneWhoseItemsAllLackARequiredColumn()
        {
            var page = new[] { Item("1", "Title", "OwnerLookupId", "Status"), Item("2", "Title", "OwnerLookupId", "Status", "Goal") };

            Assert.Equal("DueDate", ColumnCheck.LackedOnEveryItem(page, Mapping())!.FieldName);
            Assert.Equal("Slutdatum", ColumnCheck.LackedOnEveryItem(page, Mapping(("DueDate", "Slutdatum")))!.FieldName);
        }

        [Fact]
        public void IsNotOneWhereASingleItemLacksIt()
        {
            var page = new[] { Item("1", "Title", "OwnerLookupId", "Status"), Item("2", Complete) };

            Assert.Null(ColumnCheck.LackedOnEveryItem(page, Mapping()));
        }

        [Fact]
        public void IsNotOneWhoseItemsLackOnlyOptionalColumns()
        {
            // Goal, CaseNumber, BudgetAssignment and above all OverdueFlag are empty on whole pages of a correct list.
            Assert.Null(ColumnCheck.LackedOnEveryItem([Item("1", Complete), Item("2", Complete)], Mapping()));
        }

        [Fact]
        public void IsNotAnEmptyPage()
        {
            Assert.Null(ColumnCheck.LackedOnEveryItem([], Mapping()));
        }
    }
}
