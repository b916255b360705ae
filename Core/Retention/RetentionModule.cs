using Integration.Core.Configuration;
using Integration.Core.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Retention;

/// <summary>
/// Keeps the night's own records from growing forever: run records and resolved quarantine
/// entries older than <c>Retention__Days</c> are deleted, a step of the night after the notifications.
/// </summary>
public static class RetentionModule
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(configuration, RetentionOptions.Section);
        services.TryAddSingleton<RecordPruner>();
        services.AddNightStep<RetentionStep>();
        return services;
    }
}
