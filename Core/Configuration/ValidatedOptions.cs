using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integration.Core.Configuration;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds an options class to its section and validates it when the host starts, so a bad value
    /// stops start-up with a message naming the key instead of failing at 02:00.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services;
    }

    /// <summary>The same, for options whose rules are one function that names what is wrong, each failure naming its key.</summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, IEnumerable<string>> failures)
        where TOptions : class
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new RulesValidator<TOptions>(failures));
        return services;
    }

    private sealed class RulesValidator<TOptions>(Func<TOptions, IEnumerable<string>> failures) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options) =>
            failures(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
