using Integration.Core.Configuration;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.Enterprises;

/// <summary>The social-enterprise list as <c>provision</c> creates it: what <see cref="EnterpriseMapper"/> reads, and the data problem.</summary>
public static class EnterpriseListSchema
{
    public static ListSchema Describe(SharePointOptions sharePoint)
    {
        var columns = new SchemaColumns(new ColumnNames(sharePoint, EnterpriseColumns.List))
            .Text(EnterpriseColumns.Name, "Namn", EnterpriseColumns.NameDefault)
            .Text(EnterpriseColumns.OrganisationNumber, "Organisationsnummer")
            .Text(EnterpriseColumns.LegalForm, "Juridisk form")
            .Boolean(EnterpriseColumns.WiseCriteriaMet, "Uppfyller Tillväxtverkets kriterier")
            .Text(EnterpriseColumns.Sector, "SNI-kod")
            .Text(EnterpriseColumns.Contact, "Kontakt")
            .DataProblem();
        return new ListSchema(EnterprisesModule.Source, IsLibrary: false, sharePoint.List(EnterprisesModule.Source), columns.Columns);
    }

    public static ListSchema From(IServiceProvider services) =>
        Describe(services.GetRequiredService<IOptions<SharePointOptions>>().Value);
}
