using Integration.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Integration.Core.Calendar;

public static class CalendarModule
{
    /// <summary>The clock (replaced by a fake one in tests) and the network's calendar.</summary>
    public static IServiceCollection AddNetworkCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<NetworkCalendarOptions, NetworkCalendarOptionsValidator>(configuration, NetworkCalendarOptions.Section);
        services.TryAddSingleton<NetworkCalendar>();
        return services;
    }
}
