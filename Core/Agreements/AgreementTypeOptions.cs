namespace Integration.Core.Agreements;

/// <summary>
/// The AgreementType choice values a site uses for each type (<c>SharePoint__AgreementTypes__*</c>),
/// each a <c>;</c>-separated list, compared case-insensitively: lists are often bilingual.
/// </summary>
public sealed class AgreementTypeOptions
{
    public const string Section = "SharePoint:AgreementTypes";

    public string Iop { get; set; } = "IOP;Idéburet offentligt partnerskap";
    public string ReservedProcurement { get; set; } = "Reserverad upphandling;Reserved procurement";
    public string DirectAward { get; set; } = "Direktupphandling;Direct award";
    public string Other { get; set; } = "Övrigt;Other";
}
