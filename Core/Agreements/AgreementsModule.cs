using Integration.Core.Configuration;
using Integration.Core.Enterprises;
using Integration.Core.Privacy;
using Integration.Core.SharePoint;
using Integration.Core.SharePoint.Provisioning;
using Integration.Core.Storage;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Agreements;

/// <summary>
/// The city's agreements with the enterprises (IOP, reserved procurement, …): the SharePoint list
/// synced into the Agreements table after the night's enterprises, each agreement waiting for its
/// enterprise until that is in the register.
/// </summary>
public static class AgreementsModule
{
    /// <summary>The source's name, as run-once, status and reset give it.</summary>
    public const string Source = "Agreements";

    public static IServiceCollection AddAgreements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AgreementsOptions, AgreementsOptionsValidator>(configuration, AgreementsOptions.Section);
        services.AddValidatedOptions<AgreementTypeOptions>(configuration, AgreementTypeOptions.Section, AgreementTypeMap.Validate);
        services.AddTables(TableNames.Agreements);
        services.TryAddSingleton<AgreementStore>();
        // An agreement names its enterprise: synced after the enterprises, the night's new
        // enterprises are there for it (see PredecessorWait).
        services.AddDeltaSource<AgreementSource, MaskedListItem, Agreement>(SourceDefinition.List(Source, after: EnterprisesModule.Source));
        services.AddListSchema(AgreementListSchema.From);
        return services;
    }
}
