using Microsoft.Extensions.FileProviders;

namespace HealthGrid.Silo.Hosting;

/// <summary>
/// The service's front door: browsers get the dashboard; clients asking for JSON get what runs here
/// and where to go. Anonymous: neither holds data.
/// </summary>
public static class RootEndpoint
{
    public static WebApplication MapRoot(this WebApplication app)
    {
        app.MapGet("/", (HttpRequest request, SiloSettings settings, IWebHostEnvironment environment) =>
            WantsPage(request) && DashboardHosting.IndexPage(environment) is { } page
                ? Page(page)
                : Results.Ok(Links(settings))).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static bool WantsPage(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    private static IResult Page(IFileInfo page) => Results.Stream(page.CreateReadStream(), "text/html; charset=utf-8");

    private static object Links(SiloSettings settings) => new
    {
        service = "HealthGrid",
        mode = settings.Storage == StorageMode.PostgreSql ? "postgresql" : "embedded",
        links = new
        {
            dashboard = "/",
            api = "/api/v1",
            customers = "/api/v1/customers",
            accounts = "/api/v1/accounts",
            events = "/api/v1/events",
            cases = "/api/v1/cases",
            alerts = "/api/v1/alerts",
            openApi = "/openapi/v1.json",
            apiReference = "/api-reference",
            ready = "/health/ready",
            metrics = "/metrics",
            hub = "/hubs/dashboard",
            orleans = "/orleans",
        },
    };
}
