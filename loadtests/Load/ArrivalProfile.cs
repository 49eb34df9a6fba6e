using System.Globalization;

namespace HealthGrid.LoadTests.Load;

/// <summary>
/// The arrival rate (requests per second) at each moment of a run: constant, a ramp, steps, a
/// spike, a peak-season day compressed into the run, or a recorded profile from a file.
/// </summary>
public sealed class ArrivalProfile
{
    private readonly Func<double, double> rateAt;

    private ArrivalProfile(string description, TimeSpan duration, Func<double, double> rateAt)
    {
        Description = description;
        Duration = duration;
        this.rateAt = rateAt;
    }

    public string Description { get; }

    public TimeSpan Duration { get; }

    /// <summary>Requests per second at <paramref name="second"/> into the run (never negative).</summary>
    public double RateAt(double second) => Math.Max(0, rateAt(Math.Clamp(second, 0, Duration.TotalSeconds)));

    public static ArrivalProfile Constant(double rate, TimeSpan duration) =>
        new($"constant {rate:0.#}/s", duration, _ => rate);

    public static ArrivalProfile Ramp(double from, double to, TimeSpan duration) =>
        new($"ramp {from:0.#} → {to:0.#}/s", duration, t => from + ((to - from) * t / duration.TotalSeconds));

    public static ArrivalProfile Step(double from, double to, int steps, TimeSpan duration) =>
        new($"{steps} steps {from:0.#} → {to:0.#}/s", duration, t =>
        {
            var step = Math.Min(steps - 1, (int)(t / duration.TotalSeconds * steps));
            return steps == 1 ? to : from + ((to - from) * step / (steps - 1));
        });

    /// <summary><paramref name="rate"/>, with <paramref name="spikeRate"/> for <paramref name="spikeLength"/> in the middle of the run.</summary>
    public static ArrivalProfile Spike(double rate, double spikeRate, TimeSpan spikeLength, TimeSpan duration)
    {
        var start = (duration.TotalSeconds - spikeLength.TotalSeconds) / 2;
        return new($"{rate:0.#}/s with a {spikeLength.TotalSeconds:0.#} s spike to {spikeRate:0.#}/s", duration,
            t => t >= start && t < start + spikeLength.TotalSeconds ? spikeRate : rate);
    }

    /// <summary>
    /// A peak-season day (Black Friday-like: quiet night, morning ramp, lunchtime and evening peaks,
    /// a flash-sale burst at 20:00) compressed into <paramref name="duration"/>, scaled so its
    /// busiest moment is <paramref name="peakRate"/>.
    /// </summary>
    public static ArrivalProfile PeakDay(double peakRate, TimeSpan duration) =>
        FromPoints($"peak-season day compressed into {duration.TotalSeconds:0} s, peak {peakRate:0.#}/s", duration,
            PeakDayShape.Select(p => (p.Hour / 24 * duration.TotalSeconds, p.Share * peakRate)).ToList());

    /// <summary>
    /// A recorded profile: CSV lines <c>seconds,rate</c> (a header line is skipped), interpolated
    /// linearly and stretched to <paramref name="duration"/> when it is shorter or longer.
    /// </summary>
    public static ArrivalProfile FromFile(string path, TimeSpan duration, double scale)
    {
        var points = File.ReadAllLines(path)
            .Select(line => line.Split(',', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 2 && double.TryParse(cells[0], CultureInfo.InvariantCulture, out _))
            .Select(cells => (double.Parse(cells[0], CultureInfo.InvariantCulture), double.Parse(cells[1], CultureInfo.InvariantCulture) * scale))
            .OrderBy(p => p.Item1)
            .ToList();
        if (points.Count < 2)
        {
            throw new FormatException($"{path}: a profile needs at least two 'seconds,rate' lines");
        }

        var length = points[^1].Item1 - points[0].Item1;
        var stretched = points.Select(p => ((p.Item1 - points[0].Item1) / length * duration.TotalSeconds, p.Item2)).ToList();
        return FromPoints($"profile {Path.GetFileName(path)} ×{scale:0.##} over {duration.TotalSeconds:0} s", duration, stretched);
    }

    private static ArrivalProfile FromPoints(string description, TimeSpan duration, IReadOnlyList<(double Second, double Rate)> points) =>
        new(description, duration, t =>
        {
            for (var i = 1; i < points.Count; i++)
            {
                if (t <= points[i].Second)
                {
                    var (s0, r0) = points[i - 1];
                    var (s1, r1) = points[i];
                    return s1 == s0 ? r1 : r0 + ((r1 - r0) * (t - s0) / (s1 - s0));
                }
            }

            return points[^1].Rate;
        });

    /// <summary>Share of the day's peak rate by hour of day.</summary>
    private static readonly (double Hour, double Share)[] PeakDayShape =
    [
        (0, 0.10), (3, 0.05), (6, 0.12), (8, 0.45), (10, 0.70), (12, 0.85), (13, 0.80), (15, 0.65),
        (17, 0.75), (19.5, 0.90), (20, 1.00), (20.5, 0.85), (22, 0.45), (24, 0.15),
    ];
}
