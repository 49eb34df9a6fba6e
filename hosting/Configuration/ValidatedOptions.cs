using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.Hosting.Configuration;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to a configuration section, validated (data annotations and
    /// any registered validators) when the host starts and again on every change, keeping the last
    /// valid values when a change is invalid.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IOptionsFactory<TOptions>, KeepLastValidOptionsFactory<TOptions>>();
        return services;
    }
}
