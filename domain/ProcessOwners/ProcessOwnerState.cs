using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.ProcessOwners;

[GenerateSerializer, Alias("HealthGrid.ProcessOwnerState")]
public sealed class ProcessOwnerState : IOwnsAlerts
{
    /// <summary>One-minute buckets over the last 24 hours: theme windows are counted to the minute.</summary>
    [Id(0)] public TimeBuckets<ThemeBucket> Buckets { get; set; } = new() { WidthSeconds = 60 };

    /// <summary>Themes above their threshold, by "code|region|product".</summary>
    [Id(1)] public Dictionary<string, ThemeEpisode> Episodes { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public int EpisodesOpened { get; set; }
}
