using Integration.Core.Configuration;
using Integration.Core.SharePoint.Provisioning;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.Enterprises;

/// <summary>
/// The social-enterprise register (arbetsintegrerande sociala företag): the SharePoint list synced
/// into the Enterprises table, organisation numbers checked and duplicates held back.
/// </summary>
public static class EnterprisesModule
{
    /// <summary>The source's name, as run-once, status and reset give it.</summary>
    public const string Source = "Enterprises";

    public static IServiceCollection AddEnterprises(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EnterprisesOptions>(configuration, EnterprisesOptions.Section, o => NumberKeying.Failures(o, configuration));
        services.TryAddSingleton(sp => new NumberKeying(sp.GetRequiredService<IOptions<EnterprisesOptions>>().Value));
        services.AddTables(TableNames.Enterprises);
        services.TryAddSingleton<EnterpriseStore>();
        services.AddDeltaSource<EnterpriseSource, EnterpriseItem, Enterprise>(SourceDefinition.List(Source));
        services.AddListSchema(EnterpriseListSchema.From);
        return services;
    }
}
