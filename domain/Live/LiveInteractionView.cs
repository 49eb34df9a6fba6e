using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Live;

/// <summary>A live chat or call as a supervisor sees it: who, which team, how frustrated, and whether it has ended.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.LiveInteractionView")]
public sealed record LiveInteractionView
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string CustomerId { get; init; }

    [Id(2)] public required string CustomerName { get; init; }

    [Id(3)] public required string AccountId { get; init; }

    [Id(4)] public required string Team { get; init; }

    [Id(5)] public required Tier Tier { get; init; }

    /// <summary>Frustrated customer messages so far.</summary>
    [Id(6)] public required int Frustrated { get; init; }

    [Id(7)] public required string[] Cues { get; init; }

    [Id(8)] public required double CustomerHealth { get; init; }

    [Id(9)] public required DateTimeOffset LastMessageAt { get; init; }

    /// <summary>The open frustration alert about this conversation, if any.</summary>
    [Id(10)] public string? AlertId { get; init; }

    [Id(11)] public required bool Ended { get; init; }
}
