using HealthGrid.Api.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HealthGrid.Silo.Hosting;

/// <summary>Tells the person who started HealthGrid where it listens, in which mode, and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app, SiloSettings settings)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? HealthGridHost.DefaultUrl;
        var mode = settings.Storage == StorageMode.PostgreSql ? "PostgreSQL" : "embedded (in memory, not durable)";
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var security = auth switch
        {
            { Development: true, AllowDevelopmentOnNetwork: true } => "DEVELOPMENT MODE ON A NETWORK ADDRESS (forced): anyone who reaches it can sign in as admin",
            { Development: true } => "development mode, loopback only: the demo sign-in gives anyone on this machine any role; not for real customers",
            _ => "production mode: no demo sign-in; every request needs a signed token",
        };
        var signIn = auth.Development
            ? "development mode: open the dashboard and sign in as a demo user; curl tokens: dotnet run --project silo -- token admin"
            : auth.Authority is { } authority ? $"tokens from {authority}" : "tokens signed with HealthGrid:Auth:SigningKey";
        Console.WriteLine($"""

            HealthGrid is running in {mode} mode.
              Security:  {security}
              Dashboard: {url}/
              Sign in:   {signIn}
              API:       {url}/api/v1   (reference: {url}/api-reference/, OpenAPI: {url}/openapi/v1.json)
              Live:      {url}/hubs/dashboard (SignalR)
              Health:    {url}/health/ready   Metrics: {url}/metrics   Orleans: {url}/orleans/ (admins)

            """);
    }
}
