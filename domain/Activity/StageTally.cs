using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.JourneyStages;

namespace HealthGrid.Domain.Activity;

/// <summary>A journey stage's activity accumulated by one silo between flushes.</summary>
public sealed class StageTally
{
    private readonly Dictionary<InteractionKind, int> eventsByKind = [];
    private double sentimentSum;
    private int sentimentCount;
    private double effortSum;
    private int effortCount;
    private readonly SurveyTally surveys = new();
    private int slaMet;
    private int slaBreached;
    private readonly Dictionary<string, int> unownedProcesses = new(StringComparer.Ordinal);

    /// <summary>Counts a clock that ended; <paramref name="retracted"/>: a breach counted before turned out met.</summary>
    public void AddSla(bool met, bool retracted = false)
    {
        if (retracted)
        {
            slaBreached--;
        }

        if (met)
        {
            slaMet++;
        }
        else
        {
            slaBreached++;
        }
    }

    public void AddUnowned(string process) => unownedProcesses[process] = unownedProcesses.GetValueOrDefault(process) + 1;

    public void Add(InteractionKind kind, double? sentiment, SurveyDetails? survey)
    {
        surveys.Add(survey);
        int? effort = survey is { Type: SurveyType.Ces } ces ? ces.Score : null;
        eventsByKind[kind] = eventsByKind.GetValueOrDefault(kind) + 1;
        if (sentiment is { } s)
        {
            sentimentSum += s;
            sentimentCount++;
        }

        if (effort is { } e)
        {
            effortSum += e;
            effortCount++;
        }
    }

    public StageActivity ToActivity(DateTimeOffset at) => new()
    {
        At = at,
        EventsByKind = eventsByKind,
        SentimentSum = sentimentSum,
        SentimentCount = sentimentCount,
        EffortSum = effortSum,
        EffortCount = effortCount,
        SlaMet = slaMet,
        SlaBreached = slaBreached,
        UnownedProcesses = unownedProcesses,
        Surveys = surveys,
    };
}
