using HealthGrid.Domain.Configuration;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Configuration;

/// <summary>
/// Keeps this silo's configuration areas at the store's newest versions. Before the silo serves
/// anything it seeds a fresh store from healthgrid.json and loads what is in force; afterwards new
/// versions arrive through the cluster fan-out the moment they are written, and a periodic comparison
/// with the store brings the silo in line if one was missed.
/// </summary>
public sealed partial class ConfigurationSync(
    ConfigurationAreas areas,
    IConfigurationStore store,
    IEnumerable<ILocalConfigurationDependents> dependents,
    IOptions<ConfigurationOptions> options,
    TimeProvider time,
    ILogger<ConfigurationSync> logger) : PeriodicLoop(time, logger)
{
    public override LoopStage Stage => LoopStage.Storage;

    protected override TimeSpan Interval => options.Value.RefreshInterval;

    /// <summary>
    /// Puts a version in force here if it is newer than this silo's, and re-evaluates the live state
    /// that depends on it before answering: a silo reports a version in force once it is applied.
    /// </summary>
    public async Task<bool> ApplyAsync(ConfigurationVersion version)
    {
        if (areas.Find(version.Area)?.Apply(version) != true)
        {
            return false;
        }

        foreach (var dependent in dependents)
        {
            await dependent.ReevaluateAsync(version.Area);
        }

        return true;
    }

    /// <summary>Compares with the store now rather than at the next interval (a silo left, say).</summary>
    public void CheckNow() => Wake();

    protected override async Task PrepareAsync()
    {
        var now = Time.GetUtcNow();
        await store.SeedAsync([.. areas.All.Select(a => new ConfigurationVersion
        {
            Area = a.Name,
            Version = 1,
            Document = a.SeedDocument,
            Author = ConfigurationVersion.FileAuthor,
            At = now,
            Reason = $"the first version, from the {a.Section} section of healthgrid.json",
        })], CancellationToken.None);
        await LoadNewerAsync();
        foreach (var area in areas.All)
        {
            if (area.Current.Version == 0)
            {
                throw new InvalidOperationException($"Configuration area '{area.Name}' has no version in the store that this build can use; see the log for why.");
            }

            if (area.Current.Version > 1 && area.Current.Document != area.SeedDocument)
            {
                LogFileDiffers(area.Section, area.Name, area.Current.Version);
            }
        }
    }

    protected override async Task RunOnceAsync()
    {
        var versions = await store.VersionsAsync(CancellationToken.None);
        if (versions.Any(v => areas.Find(v.Key) is { } area && v.Value > area.Current.Version))
        {
            await LoadNewerAsync();
        }
    }

    private async Task LoadNewerAsync()
    {
        foreach (var version in await store.CurrentAsync(CancellationToken.None))
        {
            await ApplyAsync(version);
        }
    }

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "healthgrid.json's {Section} differs from configuration area {Area} version {Version} in the store; the store's version is in force (it changes through /api/v1/config/{Area})")]
    private partial void LogFileDiffers(string section, string area, long version);
}
