using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.JourneyStages;

/// <summary>
/// What one silo saw at a journey stage during one flush interval ending at <see cref="At"/>:
/// event counts per kind, and the sums behind average sentiment (-1..1) and effort (CES 1-7).
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.StageActivity")]
public sealed record StageActivity
{
    [Id(0)] public required DateTimeOffset At { get; init; }

    [Id(1)] public required Dictionary<InteractionKind, int> EventsByKind { get; init; }

    [Id(2)] public double SentimentSum { get; init; }

    [Id(3)] public int SentimentCount { get; init; }

    [Id(4)] public double EffortSum { get; init; }

    [Id(5)] public int EffortCount { get; init; }

    /// <summary>SLA clocks of cases at this stage that completed in time, and that breached.</summary>
    [Id(6)] public int SlaMet { get; init; }

    [Id(7)] public int SlaBreached { get; init; }

    /// <summary>Events routed to processes of this stage that have no owner, by process.</summary>
    [Id(8)] public Dictionary<string, int> UnownedProcesses { get; init; } = [];

    /// <summary>CSAT and NPS answers in the tally.</summary>
    [Id(9)] public SurveyTally Surveys { get; init; } = new();
}
