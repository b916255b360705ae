using Microsoft.Graph.Models;

namespace Integration.Core.SharePoint.Provisioning;

/// <summary>The <c>columnDefinition</c> Graph is sent to create a column of a <see cref="ColumnSpec"/>: its names and its one type facet.</summary>
internal static class ColumnDefinitions
{
    /// <param name="lookupListId">The id of the list a lookup column looks into; required for a lookup.</param>
    public static ColumnDefinition For(ColumnSpec spec, string? lookupListId)
    {
        var column = new ColumnDefinition { Name = spec.InternalName, DisplayName = spec.DisplayName };
        switch (spec.Kind)
        {
            case ColumnKind.Text:
                column.Text = new TextColumn { AllowMultipleLines = false, MaxLength = 255 };
                break;
            case ColumnKind.Note:
                column.Text = new TextColumn { AllowMultipleLines = true, LinesForEditing = 6 };
                break;
            case ColumnKind.DateOnly:
                column.DateTime = new DateTimeColumn { Format = "dateOnly", DisplayAs = "default" };
                break;
            case ColumnKind.DateTime:
                column.DateTime = new DateTimeColumn { Format = "dateTime", DisplayAs = "default" };
                break;
            case ColumnKind.Choice:
                column.Choice = new ChoiceColumn { Choices = [.. spec.Choices.Select(g => g[0])], DisplayAs = "dropDownMenu", AllowTextEntry = false };
                break;
            case ColumnKind.Person:
                column.PersonOrGroup = new PersonOrGroupColumn { ChooseFromType = "peopleOnly", AllowMultipleSelection = false, DisplayAs = "account" };
                break;
            case ColumnKind.Lookup:
                column.Lookup = new LookupColumn
                {
                    ListId = lookupListId ?? throw new InvalidOperationException($"The lookup column {spec.InternalName} needs its list's id."),
                    ColumnName = spec.LookupColumn,
                    AllowMultipleValues = false,
                };
                break;
            case ColumnKind.Number:
                column.Number = new NumberColumn { DecimalPlaces = "automatic", DisplayAs = "number" };
                break;
            case ColumnKind.Boolean:
                column.Boolean = new BooleanColumn();
                break;
            case ColumnKind.Hyperlink:
                column.HyperlinkOrPicture = new HyperlinkOrPictureColumn { IsPicture = false };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Provisioning creates no column of this type.");
        }

        return column;
    }
}
