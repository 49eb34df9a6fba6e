using HealthGrid.Hosting;

namespace HealthGrid.JourneyStages;

[GenerateSerializer, Alias("HealthGrid.JourneyStageState")]
public sealed class JourneyStageState
{
    /// <summary>Five-minute buckets over the last 24 hours.</summary>
    [Id(0)] public TimeBuckets<StageBucket> Buckets { get; set; } = new();
}
