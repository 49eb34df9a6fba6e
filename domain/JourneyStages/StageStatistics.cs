using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Organisation;

namespace HealthGrid.Domain.JourneyStages;

/// <summary>Adds silo tallies to a stage's buckets and reads its KPIs.</summary>
public static class StageStatistics
{
    public static void Add(TimeBuckets<StageBucket> buckets, StageActivity activity)
    {
        if (buckets.At(activity.At) is not { } bucket)
        {
            return;
        }

        foreach (var (kind, count) in activity.EventsByKind)
        {
            bucket.ByKind[(int)kind] += count;
        }

        bucket.SentimentSum += activity.SentimentSum;
        bucket.SentimentCount += activity.SentimentCount;
        bucket.EffortSum += activity.EffortSum;
        bucket.EffortCount += activity.EffortCount;
        bucket.SlaMet += activity.SlaMet;
        bucket.SlaBreached += activity.SlaBreached;
        bucket.Surveys.Add(activity.Surveys);
    }

    /// <summary>SLA clocks met and breached over the last day.</summary>
    public static (int Met, int Breached) Sla(TimeBuckets<StageBucket> buckets, DateTimeOffset now)
    {
        var day = buckets.Since(now - TimeSpan.FromDays(1)).ToList();
        return (day.Sum(b => b.Bucket.SlaMet), day.Sum(b => b.Bucket.SlaBreached));
    }

    public static JourneyStageView View(JourneyStageSettings stage, TimeBuckets<StageBucket> buckets, DateTimeOffset now)
    {
        var day = buckets.Since(now - TimeSpan.FromDays(1)).ToList();
        var lastHour = day.Where(b => b.Start > now - TimeSpan.FromHours(1)).Sum(b => b.Bucket.Volume);
        var byKind = new Dictionary<InteractionKind, int>();
        foreach (var kind in Enum.GetValues<InteractionKind>())
        {
            var count = day.Sum(b => b.Bucket.ByKind[(int)kind]);
            if (count > 0)
            {
                byKind[kind] = count;
            }
        }

        var hours = day.GroupBy(b => new DateTimeOffset(b.Start.Year, b.Start.Month, b.Start.Day, b.Start.Hour, 0, 0, TimeSpan.Zero))
            .Select(h => new StageHour(h.Key, h.Sum(b => b.Bucket.Volume), Mean(h, b => b.SentimentSum, b => b.SentimentCount), Mean(h, b => b.EffortSum, b => b.EffortCount))
            {
                Csat = SurveyTally.Sum(h.Select(b => b.Bucket.Surveys)).Csat,
                Nps = SurveyTally.Sum(h.Select(b => b.Bucket.Surveys)).Nps,
            })
            .ToArray();
        return new JourneyStageView
        {
            Id = stage.Id,
            Name = stage.Name,
            Owner = string.IsNullOrWhiteSpace(stage.Owner) ? null : stage.Owner,
            VolumeLastHour = lastHour,
            VolumeLast24Hours = day.Sum(b => b.Bucket.Volume),
            Sentiment = Mean(day, b => b.SentimentSum, b => b.SentimentCount),
            Effort = Mean(day, b => b.EffortSum, b => b.EffortCount),
            Csat = SurveyTally.Sum(day.Select(b => b.Bucket.Surveys)).Csat,
            Nps = SurveyTally.Sum(day.Select(b => b.Bucket.Surveys)).Nps,
            EventsByKind = byKind,
            Hours = hours,
        };
    }

    private static double? Mean(IEnumerable<(DateTimeOffset Start, StageBucket Bucket)> buckets, Func<StageBucket, double> sum, Func<StageBucket, int> count)
    {
        var n = buckets.Sum(b => count(b.Bucket));
        return n == 0 ? null : Math.Round(buckets.Sum(b => sum(b.Bucket)) / n, 3);
    }
}
