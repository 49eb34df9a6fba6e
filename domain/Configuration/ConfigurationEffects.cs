using System.Text.Json.Serialization;

namespace HealthGrid.Domain.Configuration;

/// <summary>
/// What a configuration change would do to live state, as one grain (a customer, an account, a
/// process owner, a journey stage) finds it; the preview adds up every grain's.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ConfigurationEffects")]
public sealed record ConfigurationEffects
{
    public static readonly ConfigurationEffects None = new();

    /// <summary>Open cases' deadlines that move.</summary>
    [Id(0)] public DeadlineMove[] DeadlineMoves { get; init; } = [];

    /// <summary>Clocks that would breach the moment the change applies (their new deadline has passed).</summary>
    [Id(1)] public DeadlineMove[] BreachesAtOnce { get; init; } = [];

    [Id(2)] public AlertEffect[] AlertsOpening { get; init; } = [];

    [Id(3)] public AlertEffect[] AlertsClosing { get; init; } = [];

    [Id(4)] public BandChange[] BandChanges { get; init; } = [];

    [JsonIgnore]
    public bool IsEmpty => DeadlineMoves.Length == 0 && BreachesAtOnce.Length == 0 && AlertsOpening.Length == 0 && AlertsClosing.Length == 0 && BandChanges.Length == 0;
}
