using HealthGrid.Domain.Configuration;

namespace HealthGrid.Storage.Configuration;

/// <summary>The embedded default's configuration store: the process's memory, seeded from healthgrid.json at every start.</summary>
public sealed class InMemoryConfigurationStore : IConfigurationStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<ConfigurationVersion>> areas = new(StringComparer.Ordinal);

    public Task SeedAsync(IReadOnlyList<ConfigurationVersion> seeds, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var seed in seeds.Where(s => !areas.ContainsKey(s.Area)))
            {
                areas[seed.Area] = [seed with { Version = 1 }];
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConfigurationVersion>> CurrentAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ConfigurationVersion>>([.. areas.Values.Select(v => v[^1])]);
        }
    }

    public Task<IReadOnlyDictionary<string, long>> VersionsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, long>>(areas.ToDictionary(a => a.Key, a => a.Value[^1].Version, StringComparer.Ordinal));
        }
    }

    public Task<ConfigurationVersion?> GetAsync(string area, long version, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(areas.TryGetValue(area, out var versions) && version >= 1 && version <= versions.Count ? versions[(int)version - 1] : null);
        }
    }

    public Task<bool> AppendAsync(ConfigurationVersion next, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!areas.TryGetValue(next.Area, out var versions))
            {
                versions = [];
                areas[next.Area] = versions;
            }

            if (next.Version != versions.Count + 1)
            {
                return Task.FromResult(false);
            }

            versions.Add(next);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ConfigurationVersion>> HistoryAsync(string area, long? before, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<ConfigurationVersion> page = areas.TryGetValue(area, out var versions)
                ? [.. versions.Where(v => before is null || v.Version < before).Reverse().Take(limit)]
                : [];
            return Task.FromResult(page);
        }
    }
}
