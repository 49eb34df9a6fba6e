namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// A customer's score over time: the last score in each 15-minute bucket over a day, and in each
/// day over 90 days. Buckets are only kept when something happened, so a quiet customer costs little.
/// </summary>
[GenerateSerializer, Alias("HealthGrid.TrendSeries")]
public sealed class TrendSeries
{
    public static readonly TimeSpan FineBucket = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan FineSpan = TimeSpan.FromDays(1);
    public static readonly TimeSpan CoarseBucket = TimeSpan.FromDays(1);
    public static readonly TimeSpan CoarseSpan = TimeSpan.FromDays(90);

    [Id(0)] public List<TrendSample> Fine { get; set; } = [];

    [Id(1)] public List<TrendSample> Coarse { get; set; } = [];

    /// <summary>Records a change at <paramref name="at"/> from <paramref name="before"/> to <paramref name="score"/>.</summary>
    public void Record(DateTimeOffset at, double before, double score)
    {
        Put(Fine, BucketOf(at, FineBucket), before, score);
        Put(Coarse, BucketOf(at, CoarseBucket), before, score);
        Trim(Fine, at - FineSpan);
        Trim(Coarse, at - CoarseSpan);
    }

    /// <summary>The score recorded at or before <paramref name="at"/>; the oldest known score when none is that old.</summary>
    public double? ScoreAtOrBefore(DateTimeOffset at)
    {
        if (Coarse.Count == 0)
        {
            return null;
        }

        var bucket = BucketOf(at, CoarseBucket);
        for (var i = Coarse.Count - 1; i >= 0; i--)
        {
            if (Coarse[i].Bucket <= bucket)
            {
                return Coarse[i].Score;
            }
        }

        return Coarse[0].Score;
    }

    /// <summary>The highest score recorded since <paramref name="since"/> (fine series within a day, daily before).</summary>
    public double? HighestSince(DateTimeOffset since)
    {
        var cutoff = since.ToUnixTimeSeconds() - (long)FineBucket.TotalSeconds;
        double? highest = null;
        foreach (var samples in (ReadOnlySpan<List<TrendSample>>)[Fine, Coarse])
        {
            foreach (var sample in samples)
            {
                if (sample.Bucket >= cutoff && (highest is null || sample.High > highest))
                {
                    highest = sample.High;
                }
            }
        }

        return highest;
    }

    private static long BucketOf(DateTimeOffset at, TimeSpan size)
    {
        var seconds = at.ToUnixTimeSeconds();
        var width = (long)size.TotalSeconds;
        return seconds - (((seconds % width) + width) % width);
    }

    private static void Put(List<TrendSample> samples, long bucket, double before, double score)
    {
        var peak = (float)Math.Max(before, score);
        if (samples.Count > 0 && samples[^1].Bucket == bucket)
        {
            samples[^1] = new TrendSample(bucket, (float)score, Math.Max(peak, samples[^1].High));
        }
        else if (samples.Count == 0 || samples[^1].Bucket < bucket)
        {
            samples.Add(new TrendSample(bucket, (float)score, peak));
        }
    }

    private static void Trim(List<TrendSample> samples, DateTimeOffset before)
    {
        var cutoff = before.ToUnixTimeSeconds();
        var stale = 0;
        while (stale < samples.Count && samples[stale].Bucket < cutoff)
        {
            stale++;
        }

        if (stale > 0)
        {
            samples.RemoveRange(0, stale);
        }
    }
}
