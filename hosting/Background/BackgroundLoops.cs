using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.Hosting.Background;

public static class BackgroundLoops
{
    /// <summary>Registers a loop as a singleton that the silo starts and stops at the loop's stage (grains' BackgroundLoopLifecycle).</summary>
    public static IServiceCollection AddBackgroundLoop<TLoop>(this IServiceCollection services)
        where TLoop : BackgroundLoop
    {
        services.AddSingleton<TLoop>();
        services.AddSingleton<BackgroundLoop>(sp => sp.GetRequiredService<TLoop>());
        return services;
    }

    /// <summary>Registers a loop that serves as <typeparamref name="TService"/> (the PostgreSQL journal as the journal).</summary>
    public static IServiceCollection AddBackgroundLoop<TService, TLoop>(this IServiceCollection services)
        where TService : class
        where TLoop : BackgroundLoop, TService
    {
        services.AddBackgroundLoop<TLoop>();
        services.AddSingleton<TService>(sp => sp.GetRequiredService<TLoop>());
        return services;
    }
}
