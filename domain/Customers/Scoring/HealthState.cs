namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// Everything the health model remembers about a customer, compact because a silo holds a million
/// of them. Decayed accumulators share one clock, <see cref="AsOf"/> (the latest event time applied):
/// for average-type components <see cref="Sums"/> and <see cref="Weights"/> hold Σ decayed weight·value
/// and Σ decayed weight; for load-type components <see cref="Sums"/> holds the decayed count.
/// Arrays are indexed by <see cref="HealthComponent"/>.
/// </summary>
[GenerateSerializer, Alias("HealthGrid.HealthState")]
public sealed class HealthState
{
    public const int ComponentCount = 7;
    public const int MaxRecentContacts = 32;
    public const int MaxRecentInteractions = 8;
    public const int MaxOpenTickets = 200;

    /// <summary>Null until the first event.</summary>
    [Id(0)] public DateTimeOffset? AsOf { get; set; }

    [Id(1)] public double[] Sums { get; set; } = new double[ComponentCount];

    [Id(2)] public double[] Weights { get; set; } = new double[ComponentCount];

    /// <summary>Decayed count of repeat contacts (support-load half-life).</summary>
    [Id(3)] public double RepeatContacts { get; set; }

    /// <summary>Decayed Σ days late and Σ weight over payments (payment half-life).</summary>
    [Id(4)] public double DaysLateSum { get; set; }

    [Id(5)] public double DaysLateWeight { get; set; }

    /// <summary>Adoption (0-100) decayed fast and slowly; their gap is the usage drop.</summary>
    [Id(6)] public double AdoptionShortSum { get; set; }

    [Id(7)] public double AdoptionShortWeight { get; set; }

    [Id(8)] public double AdoptionLongSum { get; set; }

    [Id(9)] public double AdoptionLongWeight { get; set; }

    [Id(10)] public double Score { get; set; }

    [Id(11)] public HealthBand Band { get; set; }

    [Id(12)] public double ChurnProbability { get; set; }

    [Id(13)] public ChurnLevel ChurnLevel { get; set; }

    /// <summary>Unix seconds of the latest customer-initiated contacts, oldest first.</summary>
    [Id(14)] public List<long> RecentContacts { get; set; } = [];

    /// <summary>The latest conversation ids, to tell a new conversation from another message in one.</summary>
    [Id(15)] public List<string> RecentInteractions { get; set; } = [];

    [Id(16)] public List<string> OpenTickets { get; set; } = [];

    [Id(17)] public TrendSeries Trend { get; set; } = new();
}
