using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace HealthGrid.Silo.Hosting;

/// <summary>
/// Serves the built dashboard (the repository's <c>dashboard</c> folder, bundled into the output's
/// <see cref="WebRoot"/> folder at build time)
/// before authentication: the files hold no data, everything they show comes over the authorized API
/// and hub. Browsers revalidate on every load, so a new build is picked up at once.
/// </summary>
public static class DashboardHosting
{
    public const string WebRoot = "dashboard";

    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }

    /// <summary>The dashboard's page, or null when the build has none (a server built without Node).</summary>
    public static IFileInfo? IndexPage(IWebHostEnvironment environment) =>
        environment.WebRootFileProvider.GetFileInfo("index.html") is { Exists: true } file ? file : null;
}
