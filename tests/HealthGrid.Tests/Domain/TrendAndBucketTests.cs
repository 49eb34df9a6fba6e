using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Customers.Scoring;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class TrendAndBucketTests
{
    [Fact]
    public void Trend_keeps_the_last_score_per_15_minutes_for_a_day_and_per_day_for_90_days()
    {
        var trend = new TrendSeries();
        trend.Record(T0, 81, 80);
        trend.Record(T0.AddMinutes(5), 80, 78);
        trend.Record(T0.AddMinutes(20), 78, 75);
        Assert.Equal([78f, 75f], trend.Fine.Select(s => s.Score));
        Assert.Equal([75f], trend.Coarse.Select(s => s.Score));

        trend.Record(T0.AddDays(2), 75, 70);
        Assert.Equal([70f], trend.Fine.Select(s => s.Score));
        Assert.Equal(2, trend.Coarse.Count);

        trend.Record(T0.AddDays(100), 70, 60);
        Assert.Equal([60f], trend.Coarse.Select(s => s.Score));
    }

    [Fact]
    public void A_fall_inside_one_bucket_still_shows_its_peak()
    {
        var trend = new TrendSeries();
        trend.Record(T0, 70, 85);
        trend.Record(T0.AddMinutes(1), 85, 75);
        trend.Record(T0.AddMinutes(2), 75, 60);
        Assert.Equal([60f], trend.Fine.Select(s => s.Score));
        Assert.Equal(85, trend.HighestSince(T0.AddMinutes(-30)));
        Assert.Null(trend.HighestSince(T0.AddDays(1)));
    }

    [Fact]
    public void Score_at_or_before_answers_from_the_daily_series()
    {
        var trend = new TrendSeries();
        trend.Record(T0, 81, 80);
        trend.Record(T0.AddDays(10), 80, 60);
        Assert.Equal(80, trend.ScoreAtOrBefore(T0.AddDays(5)));
        Assert.Equal(60, trend.ScoreAtOrBefore(T0.AddDays(20)));
        Assert.Equal(80, trend.ScoreAtOrBefore(T0.AddDays(-5)));
        Assert.Null(new TrendSeries().ScoreAtOrBefore(T0));
    }

    [Fact]
    public void Buckets_open_per_width_take_late_arrivals_where_they_happened_and_drop_out_of_the_span()
    {
        var buckets = new TimeBuckets<List<int>> { WidthSeconds = 300, SpanSeconds = 3600 };
        buckets.At(T0)!.Add(1);
        buckets.At(T0.AddMinutes(2))!.Add(2);
        buckets.At(T0.AddMinutes(16))!.Add(3);
        buckets.At(T0)!.Add(4); // late: back in its own bucket
        buckets.At(T0.AddMinutes(7))!.Add(5); // late, into a bucket that was never opened: in its place
        Assert.Equal([T0.ToUnixTimeSeconds(), T0.AddMinutes(5).ToUnixTimeSeconds(), T0.AddMinutes(15).ToUnixTimeSeconds()], buckets.Starts);
        Assert.Equal([[1, 2, 4], [5], [3]], buckets.Buckets);
        Assert.Null(buckets.At(T0.AddMinutes(-50))); // older than the span behind the newest

        buckets.At(T0.AddHours(2))!.Add(6);
        Assert.Single(buckets.Buckets);
        Assert.Single(buckets.Since(T0.AddHours(1)));
    }
}
