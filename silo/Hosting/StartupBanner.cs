using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace HealthGrid.Hosting;

/// <summary>Tells the person who started HealthGrid where it listens, in which mode.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, SiloSettings settings)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? HealthGridHost.DefaultUrl;
        var mode = settings.Storage == StorageMode.PostgreSql ? "PostgreSQL" : "embedded (in memory, not durable)";
        Console.WriteLine($"""

            HealthGrid is running in {mode} mode at {url}/
              API:      {url}/api/v1/customers   (OpenAPI: {url}/openapi/v1.json)
              Cases:    {url}/api/v1/cases?open=true   Alerts: {url}/api/v1/alerts?state=raised
              Live:     {url}/hubs/dashboard (SignalR, signed-in users)
              Health:   {url}/health/ready   Metrics: {url}/metrics

            """);
    }
}
