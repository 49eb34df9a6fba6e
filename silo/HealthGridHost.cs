using HealthGrid.Api;
using HealthGrid.Api.Auth;
using HealthGrid.Hosting.Background;
using HealthGrid.Silo.Demo;
using HealthGrid.Silo.Health;
using HealthGrid.Silo.Hosting;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace HealthGrid.Silo;

/// <summary>Builds the HealthGrid process: an Orleans silo and Kestrel in one host, configured for its mode.</summary>
public static class HealthGridHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <param name="command">The parsed command line.</param>
    /// <param name="services">Services registered before HealthGrid's own, which take their place (an embedding host's clock, say).</param>
    public static WebApplication Build(SiloCommandLine command, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.ConfigurationArgs, ContentRootPath = AppContext.BaseDirectory, WebRootPath = DashboardHosting.WebRoot });
        AddConfigurationFiles(builder.Configuration, command.ConfigFile);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        services?.Invoke(builder.Services);
        var settings = SiloSettings.From(builder.Configuration);
        UseDevelopmentAuthByDefault(builder.Configuration, settings);
        builder.Services.AddSingleton(settings);
        builder.UseHealthGridSilo(settings);
        builder.Services.AddHealthGridApi();
        builder.AddHealthGridTelemetry();
        AddDemo(builder, settings);

        builder.Services.AddSingleton<DemoUsers>();

        var app = builder.Build();
        app.UseDashboard();
        app.MapHealthGridApi();
        app.MapDevelopmentSignIn();
        app.MapOperationsSurfaces();
        app.MapHealthEndpoints();
        app.MapRoot();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(AuthPolicies.Metrics);
        return app;
    }

    /// <summary>healthgrid.json (organisation and health model) under everything else; an override file above appsettings.</summary>
    private static void AddConfigurationFiles(ConfigurationManager configuration, string? overrideFile)
    {
        configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "healthgrid.json",
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Optional = false,
            ReloadOnChange = true,
        });
        var file = overrideFile ?? Environment.GetEnvironmentVariable("HEALTHGRID_CONFIG");
        if (file is not null)
        {
            var path = Path.GetFullPath(file);
            configuration.Sources.Insert(2, new JsonConfigurationSource
            {
                Path = Path.GetFileName(path),
                FileProvider = new PhysicalFileProvider(Path.GetDirectoryName(path)!),
                Optional = false,
                ReloadOnChange = true,
            });
        }
    }

    /// <summary>
    /// Development mode (well-known signing key, demo sign-in) is the embedded default, so that the
    /// first command shows a working dashboard; PostgreSQL mode is production-shaped and needs it asked for.
    /// </summary>
    private static void UseDevelopmentAuthByDefault(ConfigurationManager configuration, SiloSettings settings)
    {
        var key = $"{AuthOptions.Section}:{nameof(AuthOptions.Development)}";
        if (configuration[key] is null && settings.Storage == StorageMode.Embedded)
        {
            configuration.AddInMemoryCollection([new(key, "true")]);
        }
    }

    /// <summary>The demo organisation: on by default in embedded mode, off unless asked for in PostgreSQL mode.</summary>
    private static void AddDemo(WebApplicationBuilder builder, SiloSettings settings)
    {
        var enabled = builder.Configuration.GetValue<bool?>($"{DemoOptions.Section}:Enabled") ?? settings.Storage == StorageMode.Embedded;
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (enabled)
        {
            builder.Services.AddBackgroundLoop<DemoRunner>();
        }
    }
}
