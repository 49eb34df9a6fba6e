using System.Diagnostics.Metrics;
using HealthGrid.Hosting.Telemetry;

namespace HealthGrid.Hosting.Configuration;

/// <summary>
/// Every configuration area of this silo, by name, and the version each has in force as the metric
/// <c>healthgrid_config_version{area}</c> (the same on every silo once a change has reached them all).
/// </summary>
public sealed class ConfigurationAreas
{
    private readonly Dictionary<string, IConfigurationArea> areas;

    public ConfigurationAreas(IEnumerable<IConfigurationArea> areas, IMeterFactory meters)
    {
        this.areas = areas.ToDictionary(a => a.Name, StringComparer.Ordinal);
        meters.Create(HealthGridTelemetry.MeterName).CreateObservableGauge(
            "healthgrid.config.version",
            () => this.areas.Values.Select(a => new Measurement<long>(a.Current.Version, new KeyValuePair<string, object?>("area", a.Name))),
            description: "The version of each configuration area in force on this silo.");
    }

    public IReadOnlyCollection<IConfigurationArea> All => areas.Values;

    public IConfigurationArea? Find(string name) => areas.GetValueOrDefault(name);
}
