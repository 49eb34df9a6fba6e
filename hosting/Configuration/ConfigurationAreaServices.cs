using HealthGrid.Domain.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Hosting.Configuration;

public static class ConfigurationAreaServices
{
    /// <summary>
    /// Registers <typeparamref name="TOptions"/> as a configuration area: seeded from the section of
    /// healthgrid.json (validated at start-up by the data annotations of every nested setting and by
    /// the registered validators), then held as versioned documents in the configuration store. Every
    /// <see cref="IOptionsMonitor{TOptions}"/> and <see cref="IOptions{TOptions}"/> of it is the area.
    /// </summary>
    public static IServiceCollection AddConfigurationArea<TOptions>(this IServiceCollection services, string name, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, OptionAnnotations<TOptions>>();
        services.AddSingleton(sp => new ConfigurationArea<TOptions>(
            name,
            section,
            sp.GetRequiredService<IOptionsFactory<TOptions>>(),
            sp.GetServices<IValidateOptions<TOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConfigurationArea<TOptions>>>()));
        services.AddSingleton<IConfigurationArea>(sp => sp.GetRequiredService<ConfigurationArea<TOptions>>());
        services.AddSingleton<IOptionsMonitor<TOptions>>(sp => sp.GetRequiredService<ConfigurationArea<TOptions>>());
        services.AddSingleton<IOptions<TOptions>>(sp => sp.GetRequiredService<ConfigurationArea<TOptions>>());
        services.TryAddSingleton<ConfigurationAreas>();
        return services;
    }
}
