using HealthGrid.LoadTests.Load;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.Tests.LoadGenerator;

/// <summary>The generator's arithmetic: arrival profiles, thresholds, the skewed customer choice.</summary>
public sealed class LoadModelTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Fact]
    public void Profiles_give_the_rate_at_each_moment()
    {
        Assert.Equal(100, ArrivalProfile.Constant(100, Minute).RateAt(30));
        Assert.Equal(150, ArrivalProfile.Ramp(100, 200, Minute).RateAt(30));
        Assert.Equal([100.0, 150, 200], new[] { 0.0, 30, 59.9 }.Select(ArrivalProfile.Step(100, 200, 3, Minute).RateAt));
        var spike = ArrivalProfile.Spike(100, 900, TimeSpan.FromSeconds(10), Minute);
        Assert.Equal([100.0, 900, 100], new[] { 10.0, 30, 50 }.Select(spike.RateAt));
        var day = ArrivalProfile.PeakDay(1000, TimeSpan.FromSeconds(24));
        Assert.Equal(1000, day.RateAt(20), 3);
        Assert.True(day.RateAt(3) < 100, "the night is quiet");
    }

    [Fact]
    public void A_recorded_profile_is_interpolated_and_stretched_to_the_run()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["seconds,rate", "0,10", "100,110"]);
        var profile = ArrivalProfile.FromFile(file, TimeSpan.FromSeconds(10), scale: 2);
        Assert.Equal([20.0, 120, 220], new[] { 0.0, 5, 10 }.Select(profile.RateAt));
        File.Delete(file);
    }

    [Theory]
    [InlineData("p99 < 10ms", "p99", "<", 10)]
    [InlineData("p99.9<=2s", "p99.9", "<=", 2000)]
    [InlineData("e2e.p99 < 500us", "e2e.p99", "<", 0.5)]
    [InlineData("errors < 0.1%", "errors", "<", 0.1)]
    [InlineData("throughput >= 20000/s", "throughput", ">=", 20000)]
    [InlineData("e2e.missing == 0", "e2e.missing", "==", 0)]
    public void Thresholds_parse_into_metric_operator_and_value(string text, string metric, string op, double value) =>
        Assert.Equal((metric, op, value), (Threshold.Parse(text).Metric, Threshold.Parse(text).Operator, Threshold.Parse(text).Value));

    [Theory]
    [InlineData("p99 soon")]
    [InlineData("latency < 10ms")]
    [InlineData("p99 << 10ms")]
    public void Nonsense_is_not_a_threshold(string text) => Assert.Throws<FormatException>(() => Threshold.Parse(text));

    [Fact]
    public void Thresholds_are_judged_against_the_results()
    {
        var latency = new Percentiles(1000, 2, 1, 1.5, 3, 4, 9, 12, 20);
        var e2e = new EndToEndResult("alerts", 10, 9, 1, 0, latency);
        var result = new PhaseResult("run", "x", "open", "constant", 10, 1000, 100_000, "events", 100, 10_000, 2, 0.002, 0, [], latency, [], [], e2e);
        Assert.True(Threshold.Parse("p99 < 10ms").Evaluate(result, null).Passed);
        Assert.False(Threshold.Parse("p99.9 < 10ms").Evaluate(result, null).Passed);
        Assert.False(Threshold.Parse("errors < 0.1%").Evaluate(result, null).Passed);
        Assert.True(Threshold.Parse("throughput >= 10000/s").Evaluate(result, null).Passed);
        Assert.False(Threshold.Parse("e2e.missing == 0").Evaluate(result, null).Passed);
        Assert.True(Threshold.Parse("baseline.ratio >= 50%").Evaluate(result, 0.6).Passed);
        Assert.False(Threshold.Parse("baseline.ratio >= 50%").Evaluate(result, null).Passed);
    }

    [Fact]
    public void A_zipf_choice_makes_the_first_customers_hot_and_a_uniform_one_does_not()
    {
        var zipf = CustomerChoice.Zipf(10_000, 1.1);
        var uniform = CustomerChoice.Uniform(10_000);
        var picks = Enumerable.Range(0, 100_000).Select(i => Hash.Unit(Hash.Of(7, i, 0))).ToList();
        var hotShare = picks.Count(u => zipf.Pick(u) < 100) / (double)picks.Count;
        var flatShare = picks.Count(u => uniform.Pick(u) < 100) / (double)picks.Count;
        Assert.InRange(hotShare, 0.5, 0.8);
        Assert.InRange(flatShare, 0.005, 0.015);
    }
}
