using HealthGrid.Hosting.Telemetry;
using OpenTelemetry.Metrics;

namespace HealthGrid.Silo.Hosting;

public static class TelemetrySetup
{
    /// <summary>HealthGrid's meter, Orleans', ASP.NET Core's and the runtime's, exported for Prometheus at /metrics.</summary>
    public static void AddHealthGridTelemetry(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(HealthGridTelemetry.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Authorization")
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
}
