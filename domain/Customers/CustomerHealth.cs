namespace HealthGrid.Domain.Customers;

/// <summary>The live health of a customer as of <see cref="AsOf"/> (decay applied to the time of the read).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerHealth")]
public sealed record CustomerHealth
{
    [Id(0)] public required double Score { get; init; }

    [Id(1)] public required HealthBand Band { get; init; }

    [Id(2)] public required ComponentScore[] Components { get; init; }

    [Id(3)] public required ChurnRisk Churn { get; init; }

    [Id(4)] public required ContactCounters Contacts { get; init; }

    /// <summary>Fine-grained trend: one point per 15 minutes over the last day.</summary>
    [Id(5)] public required TrendPoint[] TrendDay { get; init; }

    /// <summary>Coarse trend: one point per day over the last 90 days.</summary>
    [Id(6)] public required TrendPoint[] Trend90Days { get; init; }

    /// <summary>The latest score changes with their drivers, newest first.</summary>
    [Id(7)] public required ScoreChange[] RecentChanges { get; init; }

    [Id(8)] public required DateTimeOffset AsOf { get; init; }
}
