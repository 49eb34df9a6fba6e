namespace HealthGrid.JourneyStages;

/// <summary>A journey stage (onboarding, delivery, billing, …) keyed by its configured id.</summary>
[Alias("HealthGrid.IJourneyStageGrain")]
public interface IJourneyStageGrain : Alerts.IAlertOwner
{
    [Alias("RecordActivity")]
    Task RecordActivityAsync(StageActivity activity);

    /// <summary>The live view; null when the id is not a configured stage.</summary>
    [Alias("GetView")]
    Task<JourneyStageView?> GetViewAsync();
}
