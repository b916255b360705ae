using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.Agreements;

/// <summary>
/// The agreements list as <c>provision</c> creates it: the lookup into the enterprise list (showing
/// the enterprise's name column), the AgreementType choice with the configured types, what
/// <see cref="AgreementMapper"/> reads, and the data problem.
/// </summary>
public static class AgreementListSchema
{
    public static ListSchema Describe(SharePointOptions sharePoint, AgreementTypeOptions types)
    {
        var enterpriseName = new ColumnNames(sharePoint, EnterpriseColumns.List)[EnterpriseColumns.Name, EnterpriseColumns.NameDefault];
        var columns = new SchemaColumns(new ColumnNames(sharePoint, AgreementColumns.List))
            .Lookup(AgreementColumns.Enterprise, "Företag", EnterprisesModule.Source, enterpriseName)
            .Choice(AgreementColumns.AgreementType, "Avtalsform",
                [.. new[] { types.Iop, types.ReservedProcurement, types.DirectAward, types.Other }.Select(SchemaColumns.Spellings)],
                "SharePoint__AgreementTypes__*")
            .Text(AgreementColumns.BuyingBoard, "Köpande nämnd")
            .Number(AgreementColumns.YearlyValue, "Årsvärde (kr)")
            .DateOnly(AgreementColumns.StartDate, "Startdatum")
            .DateOnly(AgreementColumns.EndDate, "Slutdatum")
            .DataProblem();
        return new ListSchema(AgreementsModule.Source, IsLibrary: false, sharePoint.List(AgreementsModule.Source), columns.Columns);
    }

    public static ListSchema From(IServiceProvider services) => Describe(
        services.GetRequiredService<IOptions<SharePointOptions>>().Value,
        services.GetRequiredService<IOptions<AgreementTypeOptions>>().Value);
}
