using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.Api.Infrastructure;

/// <summary>
/// CORS is closed unless origins are listed in <c>HealthGrid:Cors:AllowedOrigins</c>: the dashboard
/// is served by the silo itself and needs none. Listed origins may send the bearer header.
/// </summary>
public static class CorsSetup
{
    public const string Section = "HealthGrid:Cors:AllowedOrigins";

    public static IServiceCollection AddHealthGridCors(this IServiceCollection services) =>
        services.AddCors().AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IConfiguration>((cors, configuration) =>
        {
            var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
            cors.AddDefaultPolicy(policy => policy.WithOrigins(origins).WithHeaders("authorization", "content-type", "x-requested-with", "x-signalr-user-agent").WithMethods("GET", "POST", "PUT").AllowCredentials());
        }).Services;
}
