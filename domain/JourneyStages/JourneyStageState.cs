using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.JourneyStages;

[GenerateSerializer, Alias("HealthGrid.JourneyStageState")]
public sealed class JourneyStageState : IOwnsAlerts
{
    /// <summary>Five-minute buckets over the last 24 hours.</summary>
    [Id(0)] public TimeBuckets<StageBucket> Buckets { get; set; } = new();

    /// <summary>Open ownership-gap alerts (for the stage, or for processes of it nobody owns).</summary>
    [Id(1)] public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);
}
