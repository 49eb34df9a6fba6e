using HealthGrid.Domain.JourneyStages;
using HealthGrid.GrainInterfaces.Alerts;
using HealthGrid.GrainInterfaces.Configuration;

namespace HealthGrid.GrainInterfaces.JourneyStages;

/// <summary>A journey stage (onboarding, delivery, billing, …) keyed by its configured id.</summary>
[Alias("HealthGrid.IJourneyStageGrain")]
public interface IJourneyStageGrain : IAlertOwner, IConfigurationDependent
{
    [Alias("RecordActivity")]
    Task RecordActivityAsync(StageActivity activity);

    /// <summary>The live view; null when the id is not a configured stage.</summary>
    [Alias("GetView")]
    Task<JourneyStageView?> GetViewAsync();
}
