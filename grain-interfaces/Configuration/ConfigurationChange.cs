namespace HealthGrid.GrainInterfaces.Configuration;

/// <summary>
/// A new version for an area: a whole document, or the document of an earlier version restored
/// (<see cref="RestoreVersion"/>, a rollback). With <see cref="ExpectedVersion"/> it is written only
/// if that is still the newest version (optimistic concurrency).
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ConfigurationChange")]
public sealed record ConfigurationChange
{
    [Id(0)] public required string Area { get; init; }

    [Id(1)] public string? Document { get; init; }

    [Id(2)] public long? RestoreVersion { get; init; }

    [Id(3)] public long? ExpectedVersion { get; init; }

    [Id(4)] public required string Author { get; init; }

    [Id(5)] public string? Reason { get; init; }
}
