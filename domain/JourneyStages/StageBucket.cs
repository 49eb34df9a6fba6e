using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.JourneyStages;

/// <summary>A journey stage's activity in one time bucket; <see cref="ByKind"/> is indexed by <see cref="InteractionKind"/>.</summary>
[GenerateSerializer, Alias("HealthGrid.StageBucket")]
public sealed class StageBucket
{
    [Id(0)] public int[] ByKind { get; set; } = new int[Enum.GetValues<InteractionKind>().Length];

    [Id(1)] public double SentimentSum { get; set; }

    [Id(2)] public int SentimentCount { get; set; }

    [Id(3)] public double EffortSum { get; set; }

    [Id(4)] public int EffortCount { get; set; }

    [Id(5)] public int SlaMet { get; set; }

    [Id(6)] public int SlaBreached { get; set; }

    [Id(7)] public SurveyTally Surveys { get; set; } = new();

    public int Volume => ByKind.Sum();
}
