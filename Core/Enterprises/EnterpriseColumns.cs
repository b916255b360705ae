namespace Integration.Core.Enterprises;

/// <summary>
/// The columns of the social-enterprise list, by their names in the settings
/// (<c>SharePoint__Fields__Enterprises__{Column}</c>); each is also its default internal name, but
/// <see cref="Name"/>, whose default is SharePoint's own <c>Title</c>.
/// </summary>
public static class EnterpriseColumns
{
    public const string List = "Enterprises";

    public const string Name = "Name";
    public const string NameDefault = "Title";
    public const string OrganisationNumber = "OrganisationNumber";
    public const string LegalForm = "LegalForm";

    /// <summary>Yes/No: the enterprise meets Tillväxtverket's four criteria for a work-integration social enterprise.</summary>
    public const string WiseCriteriaMet = "WiseCriteriaMet";

    /// <summary>The SNI code (Swedish Standard Industrial Classification), e.g. <c>81.210</c>.</summary>
    public const string Sector = "Sector";

    /// <summary>A contact: often a person's name or email, so it is stored but never logged.</summary>
    public const string Contact = "Contact";
}
