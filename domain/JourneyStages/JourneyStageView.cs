using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.JourneyStages;

/// <summary>A journey stage's live KPIs over the last 24 hours; <see cref="Owner"/> is null for an ownership gap.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.JourneyStageView")]
public sealed record JourneyStageView
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Name { get; init; }

    [Id(2)] public string? Owner { get; init; }

    [Id(3)] public required int VolumeLastHour { get; init; }

    [Id(4)] public required int VolumeLast24Hours { get; init; }

    [Id(5)] public double? Sentiment { get; init; }

    [Id(6)] public double? Effort { get; init; }

    [Id(7)] public required Dictionary<InteractionKind, int> EventsByKind { get; init; }

    [Id(8)] public required StageHour[] Hours { get; init; }

    [Id(9)] public SlaCompliance Sla { get; init; } = new(0, 0, 0);

    /// <summary>Open alerts for this stage or owner.</summary>
    [Id(10)] public int OpenEscalations { get; init; }

    /// <summary>Share of CSAT answers rated 4 or 5, percent, over the last day.</summary>
    [Id(11)] public double? Csat { get; init; }

    /// <summary>Net promoter score (promoters minus detractors, percent) over the last day.</summary>
    [Id(12)] public double? Nps { get; init; }
}
