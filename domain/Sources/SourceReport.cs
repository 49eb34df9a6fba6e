namespace HealthGrid.Domain.Sources;

/// <summary>What one silo saw of a source since its last report: events accepted, the latest receipt and occurrence, and their lag's 95th percentile.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.SourceReport")]
public sealed record SourceReport(
    [property: Id(0)] long Events,
    [property: Id(1)] DateTimeOffset LastReceivedAt,
    [property: Id(2)] DateTimeOffset LastOccurredAt,
    [property: Id(3)] TimeSpan LagP95);
