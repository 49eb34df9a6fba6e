namespace HealthGrid.Hosting;

/// <summary>
/// The service's front door: what runs here and where to go. The dashboard (issue 4) takes over
/// <c>/</c> for browsers; this stays the answer for clients asking for JSON.
/// </summary>
public static class RootEndpoint
{
    public static WebApplication MapRoot(this WebApplication app)
    {
        app.MapGet("/", (SiloSettings settings) => TypedResults.Ok(new
        {
            service = "HealthGrid",
            mode = settings.Storage == StorageMode.PostgreSql ? "postgresql" : "embedded",
            links = new
            {
                api = "/api/v1",
                customers = "/api/v1/customers",
                accounts = "/api/v1/accounts",
                events = "/api/v1/events",
                cases = "/api/v1/cases",
                alerts = "/api/v1/alerts",
                openApi = "/openapi/v1.json",
                ready = "/health/ready",
                metrics = "/metrics",
                hub = "/hubs/dashboard",
            },
        })).ExcludeFromDescription();
        return app;
    }
}
