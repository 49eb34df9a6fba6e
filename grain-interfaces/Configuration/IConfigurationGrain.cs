using HealthGrid.Domain.Configuration;

namespace HealthGrid.GrainInterfaces.Configuration;

/// <summary>
/// Reads and changes configuration areas. A stateless worker: it runs on the silo that took the
/// request, the store is the truth and the fan-out carries changes, so no single activation stands
/// between an admin and the cluster.
/// </summary>
[Alias("HealthGrid.IConfigurationGrain")]
public interface IConfigurationGrain : IGrainWithIntegerKey
{
    /// <summary>The version of every area in force on this silo.</summary>
    [Alias("List")]
    Task<ConfigurationVersion[]> ListAsync();

    /// <summary>The version in force (<paramref name="version"/> null) or a given one; null when the area or version does not exist.</summary>
    [Alias("Get")]
    Task<ConfigurationVersion?> GetAsync(string area, long? version);

    /// <summary>An area's versions, newest first; null when the area does not exist.</summary>
    [Alias("History")]
    Task<ConfigurationVersion[]?> HistoryAsync(string area, long? before, int limit);

    [Alias("Write")]
    Task<ConfigurationWriteResult> WriteAsync(ConfigurationChange change);

    [Alias("Preview")]
    Task<ConfigurationPreviewResult> PreviewAsync(string area, string document);
}
