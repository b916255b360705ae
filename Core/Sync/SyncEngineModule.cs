using Integration.Core.Configuration;
using Integration.Core.Queues;
using Integration.Core.Storage;
using Integration.Core.Sync.State;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Sync;

/// <summary>
/// The engine every feature runs on: the delta engine, the night (queueing its sources, running its
/// steps, recording them), the engine's own state, and the dispatcher that hands each queue message
/// to its handler; and the calls by which a module registers its sources, their follow-ups and its steps.
/// </summary>
public static class SyncEngineModule
{
    public static IServiceCollection AddSyncEngine(this IServiceCollection services, IConfiguration configuration)
    {
        // The timers' schedules: the host reads them, start-up checks them.
        services.AddValidatedOptions<SchedulesOptions, SchedulesOptionsValidator>(configuration, SchedulesOptions.Section);
        services.AddTables(TableNames.DeltaCheckpoints, TableNames.Quarantine, TableNames.DataProblems, TableNames.SyncRuns);
        services.TryAddSingleton<DeltaCheckpointStore>();
        services.TryAddSingleton<SyncDigestStore>();
        services.TryAddSingleton<SourceLocks>();
        services.TryAddSingleton<QuarantineStore>();
        services.TryAddSingleton<DataProblemStore>();
        services.TryAddSingleton<Problems.ProblemNotices>();
        services.TryAddSingleton<SyncRunStore>();

        services.TryAddSingleton<SyncSources>();
        services.TryAddSingleton<NightSteps>();
        services.TryAddSingleton<DeltaSyncEngine>();
        services.TryAddSingleton<NightlyCycle>();
        services.TryAddSingleton<RunSteps>();
        services.TryAddSingleton<PredecessorWait>();
        services.TryAddSingleton<SourceReset>();
        services.TryAddSingleton<QueueMessageDispatcher>();
        services.AddMessageHandler<SyncSourceMessage, SourceSyncHandler>();
        return services;
    }

    /// <summary>Registers a SharePoint source on the delta engine: its definition and its mapping.</summary>
    public static IServiceCollection AddDeltaSource<TSource, TItem, TRecord>(this IServiceCollection services, SourceDefinition definition)
        where TSource : class, IDeltaSource<TItem, TRecord>
        where TItem : IFeedItem
    {
        services.AddSingleton(definition);
        services.TryAddSingleton<TSource>();
        services.AddSingleton<ISourceSync>(sp => new DeltaSourceSync<TItem, TRecord>(
            sp.GetRequiredService<TSource>(), sp.GetRequiredService<DeltaSyncEngine>(), FollowUps(sp, definition.Name),
            // A new set each run: a check keeps what it read for the run it serves.
            () => [.. sp.GetServices<Problems.IRecordWarnings<TRecord>>().Where(w => w.Source == definition.Name)]));
        return services;
    }

    /// <summary>Registers a source with a sync of its own (not a SharePoint delta feed).</summary>
    public static IServiceCollection AddSourceSync<TSync>(this IServiceCollection services, SourceDefinition definition)
        where TSync : class, ISourceSync
    {
        services.AddSingleton(definition);
        services.AddSingleton<ISourceSync, TSync>();
        return services;
    }

    /// <summary>
    /// Work another feature adds after a source's read, in the same step (the registry check after
    /// the enterprises). A follow-up of a source that is not registered never runs.
    /// </summary>
    public static IServiceCollection AddSourceFollowUp(this IServiceCollection services, string source, Func<IServiceProvider, Func<SyncCounts, CancellationToken, Task>> work)
    {
        services.AddSingleton(new SourceFollowUp(source, work));
        return services;
    }

    /// <summary>Registers a step of the night after the sources.</summary>
    public static IServiceCollection AddNightStep<TStep>(this IServiceCollection services)
        where TStep : class, INightStep
    {
        services.TryAddSingleton<TStep>();
        services.AddSingleton<INightStep>(sp => sp.GetRequiredService<TStep>());
        return services;
    }

    private static List<Func<SyncCounts, CancellationToken, Task>> FollowUps(IServiceProvider services, string source) =>
        services.GetServices<SourceFollowUp>().Where(f => f.Source == source).Select(f => f.Work(services)).ToList();
}

/// <summary>Work after a source's read, registered by the feature that owns it.</summary>
public sealed record SourceFollowUp(string Source, Func<IServiceProvider, Func<SyncCounts, CancellationToken, Task>> Work);
