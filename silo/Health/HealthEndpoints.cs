using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace HealthGrid.Silo.Health;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>/health/live: the process answers. /health/ready: the silo is active and, in PostgreSQL mode, the database answers.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Anonymous: load balancers and orchestrators probe without tokens, and the answers carry no data.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
