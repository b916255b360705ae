namespace Integration.Core.Agreements;

/// <summary>
/// The columns of the agreements list, by their names in the settings
/// (<c>SharePoint__Fields__Agreements__{Column}</c>); each is also its default internal name.
/// </summary>
public static class AgreementColumns
{
    public const string List = "Agreements";

    /// <summary>A lookup column into the enterprise list: Graph gives only <c>EnterpriseLookupId</c>, the enterprise's item id.</summary>
    public const string Enterprise = "Enterprise";

    /// <summary>A choice: see <c>SharePoint__AgreementTypes__*</c>.</summary>
    public const string AgreementType = "AgreementType";

    /// <summary>The board (nämnd) or company that buys.</summary>
    public const string BuyingBoard = "BuyingBoard";

    /// <summary>Number: the agreement's value a year, in SEK.</summary>
    public const string YearlyValue = "YearlyValue";

    /// <summary>Date only, a Stockholm day.</summary>
    public const string StartDate = "StartDate";

    /// <summary>Date only, a Stockholm day; empty for an agreement that runs until further notice.</summary>
    public const string EndDate = "EndDate";
}
