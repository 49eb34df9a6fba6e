namespace HealthGrid.Domain.SystemChanges;

[GenerateSerializer, Immutable, Alias("HealthGrid.SystemChangeRecord")]
public sealed record SystemChangeRecord(
    [property: Id(0)] string EventId,
    [property: Id(1)] string ChangeId,
    [property: Id(2)] string Description,
    [property: Id(3)] string? Product,
    [property: Id(4)] string? Region,
    [property: Id(5)] DateTimeOffset OccurredAt);
