namespace HealthGrid.Domain.Configuration;

/// <summary>A document proposed for an area, to be previewed against live state as of <see cref="At"/> (one instant for every grain asked).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ConfigurationProposal")]
public sealed record ConfigurationProposal(
    [property: Id(0)] string Area,
    [property: Id(1)] string Document,
    [property: Id(2)] DateTimeOffset At);
