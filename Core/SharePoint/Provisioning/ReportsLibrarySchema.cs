using Integration.Core.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.SharePoint.Provisioning;

/// <summary>
/// The library the weekly status report is filed in (<c>SharePoint__Libraries__Reports</c>), when one
/// is configured: a plain document library, no columns of ours. Registered by
/// <see cref="ProvisioningModule.AddSharePointProvisioning"/> until the report has a module of its own.
/// </summary>
public static class ReportsLibrarySchema
{
    public const string Source = "Reports";

    public static ListSchema Describe(SharePointOptions sharePoint) => new(Source, IsLibrary: true, sharePoint.Library(Source), []);

    public static ListSchema From(IServiceProvider services) =>
        Describe(services.GetRequiredService<IOptions<SharePointOptions>>().Value);
}
