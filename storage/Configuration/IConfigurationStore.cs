using HealthGrid.Domain.Configuration;

namespace HealthGrid.Storage.Configuration;

/// <summary>
/// The versions of every configuration area: in PostgreSQL in that mode (one truth for the cluster),
/// in memory in the embedded default. Append-only; the newest version of an area is the one in force.
/// </summary>
public interface IConfigurationStore
{
    /// <summary>Stores each seed as version 1 of its area, unless the area already has a version (a fresh install only).</summary>
    Task SeedAsync(IReadOnlyList<ConfigurationVersion> seeds, CancellationToken cancellationToken);

    /// <summary>The newest version of every area.</summary>
    Task<IReadOnlyList<ConfigurationVersion>> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>The newest version number of every area: what a silo polls to find out it missed a change.</summary>
    Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken cancellationToken);

    Task<ConfigurationVersion?> GetAsync(string area, long version, CancellationToken cancellationToken);

    /// <summary>Appends the next version; false when that version number is taken (someone else wrote first).</summary>
    Task<bool> AppendAsync(ConfigurationVersion next, CancellationToken cancellationToken);

    /// <summary>Versions of an area, newest first, older than <paramref name="before"/> when given.</summary>
    Task<IReadOnlyList<ConfigurationVersion>> HistoryAsync(string area, long? before, int limit, CancellationToken cancellationToken);
}
