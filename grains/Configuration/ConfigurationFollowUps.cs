using HealthGrid.Domain.Configuration;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Configuration;

/// <summary>
/// After a new version is in force on every silo, the single grains that depend on it (process owners
/// and accounts for alert thresholds, journey stages for the organisation, disabled contact points for
/// the notifications) re-evaluate at once, as the
/// preview said they would. Customers are re-evaluated by each silo's own registry (they are many, and
/// each silo knows which are active on it).
/// </summary>
public sealed partial class ConfigurationFollowUps(ConfigurationPreviews previews, ILogger<ConfigurationFollowUps> logger)
{
    private const int Concurrency = 64;

    public async Task AfterWriteAsync(string area)
    {
        if (area is not (ConfigurationAreaNames.Alerts or ConfigurationAreaNames.Organisation or ConfigurationAreaNames.Notifications))
        {
            return;
        }

        var dependents = await previews.DependentsAsync(area);
        await Parallel.ForEachAsync(dependents, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (dependent, _) =>
        {
            try
            {
                await dependent.ReevaluateAsync(area);
            }
            catch (Exception ex)
            {
                // It re-evaluates at its next tally or tick anyway.
                LogReevaluationFailed(ex, dependent.GetGrainId().ToString(), area);
            }
        });
    }

    [LoggerMessage(EventId = 9105, Level = LogLevel.Warning, Message = "{Grain} could not re-evaluate after a change of {Area}; it will at its next update")]
    private partial void LogReevaluationFailed(Exception exception, string grain, string area);
}
