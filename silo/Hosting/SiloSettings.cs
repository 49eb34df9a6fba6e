using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Silo.Hosting;

/// <summary>How the silo runs; bound from <c>HealthGrid</c> (storage) and <c>HealthGrid:Cluster</c>.</summary>
public sealed class SiloSettings
{
    public StorageMode Storage { get; set; } = StorageMode.Embedded;

    /// <summary>Required in PostgreSQL mode: <c>ConnectionStrings:HealthGrid</c> (env <c>ConnectionStrings__HealthGrid</c>).</summary>
    public string? ConnectionString { get; set; }

    [Required]
    public string ClusterId { get; set; } = "healthgrid";

    [Required]
    public string ServiceId { get; set; } = "healthgrid";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (PostgreSQL mode).</summary>
    [Required]
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public static SiloSettings From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var settings = new SiloSettings();
        configuration.GetSection("HealthGrid:Cluster").Bind(settings);
        settings.Storage = configuration.GetValue("HealthGrid:Storage", StorageMode.Embedded);
        settings.ConnectionString = configuration.GetConnectionString("HealthGrid");
        Validator.ValidateObject(settings, new ValidationContext(settings), validateAllProperties: true);
        if (settings.Storage == StorageMode.PostgreSql && string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException("PostgreSQL mode needs ConnectionStrings:HealthGrid (environment: ConnectionStrings__HealthGrid, or --postgres \"Host=...\").");
        }

        return settings;
    }
}
