using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Customers;

/// <summary>One recorded change of a customer's score, with the event that caused it and its drivers.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ScoreChange")]
public sealed record ScoreChange
{
    /// <summary>The event-log sequence number of the event; orders a customer's history.</summary>
    [Id(0)] public required long Seq { get; init; }

    [Id(1)] public required string CustomerId { get; init; }

    [Id(2)] public required string EventId { get; init; }

    [Id(3)] public required InteractionKind Kind { get; init; }

    [Id(4)] public required DateTimeOffset OccurredAt { get; init; }

    [Id(5)] public required double Before { get; init; }

    [Id(6)] public required double After { get; init; }

    [Id(7)] public required HealthBand BandBefore { get; init; }

    [Id(8)] public required HealthBand BandAfter { get; init; }

    [Id(9)] public required ScoreDriver[] Drivers { get; init; }

    public double Delta => Math.Round(After - Before, 2);
}
