namespace HealthGrid.Domain.Activity;

/// <summary>
/// Fixed-width time buckets over a sliding span, oldest first: the shape behind every "last hour /
/// last 24 hours" figure. Buckets outside the span are dropped as new ones open.
/// </summary>
[GenerateSerializer, Alias("HealthGrid.TimeBuckets`1")]
public sealed class TimeBuckets<TBucket>
    where TBucket : class, new()
{
    [Id(0)] public long WidthSeconds { get; set; } = 300;

    [Id(1)] public long SpanSeconds { get; set; } = 86_400;

    [Id(2)] public List<long> Starts { get; set; } = [];

    [Id(3)] public List<TBucket> Buckets { get; set; } = [];

    /// <summary>
    /// The bucket holding <paramref name="at"/>, opened when needed — in its place among the others
    /// when it is older than the newest (back-filled history counts where it happened); null when
    /// it is older than the span.
    /// </summary>
    public TBucket? At(DateTimeOffset at)
    {
        var seconds = at.ToUnixTimeSeconds();
        var start = seconds - (((seconds % WidthSeconds) + WidthSeconds) % WidthSeconds);
        if (Starts.Count == 0 || start > Starts[^1])
        {
            Starts.Add(start);
            Buckets.Add(new TBucket());
            Trim(start);
            return Buckets[^1];
        }

        if (start <= Starts[^1] - SpanSeconds)
        {
            return default;
        }

        var index = Starts.BinarySearch(start);
        if (index >= 0)
        {
            return Buckets[index];
        }

        index = ~index;
        Starts.Insert(index, start);
        Buckets.Insert(index, new TBucket());
        return Buckets[index];
    }

    /// <summary>Buckets that started at or after <paramref name="since"/>, with their start times.</summary>
    public IEnumerable<(DateTimeOffset Start, TBucket Bucket)> Since(DateTimeOffset since)
    {
        var cutoff = since.ToUnixTimeSeconds() - WidthSeconds;
        for (var i = 0; i < Starts.Count; i++)
        {
            if (Starts[i] > cutoff)
            {
                yield return (DateTimeOffset.FromUnixTimeSeconds(Starts[i]), Buckets[i]);
            }
        }
    }

    private void Trim(long newest)
    {
        var stale = 0;
        while (stale < Starts.Count && Starts[stale] <= newest - SpanSeconds)
        {
            stale++;
        }

        Starts.RemoveRange(0, stale);
        Buckets.RemoveRange(0, stale);
    }
}
