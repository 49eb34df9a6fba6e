using HealthGrid.Hosting;

namespace HealthGrid.ProcessOwners;

[GenerateSerializer, Alias("HealthGrid.ProcessOwnerState")]
public sealed class ProcessOwnerState
{
    /// <summary>Five-minute buckets over the last 24 hours.</summary>
    [Id(0)] public TimeBuckets<ThemeBucket> Buckets { get; set; } = new();
}
