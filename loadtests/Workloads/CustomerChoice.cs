namespace HealthGrid.LoadTests.Workloads;

/// <summary>
/// Which customer an event is for: uniform, or Zipf-skewed (a few customers — and the accounts that
/// hold them, since customers are numbered account by account — get most of the traffic, as on a
/// peak-season day when a few big retailers are on fire).
/// </summary>
public sealed class CustomerChoice
{
    private readonly double[]? cumulative;
    private readonly int count;

    private CustomerChoice(int count, double[]? cumulative)
    {
        this.count = count;
        this.cumulative = cumulative;
    }

    public string Description => cumulative is null ? $"uniform over {count} customers" : $"Zipf (s = {Exponent}) over {count} customers";

    public double Exponent { get; private init; }

    public static CustomerChoice Uniform(int count) => new(count, null);

    public static CustomerChoice Zipf(int count, double exponent)
    {
        var weights = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1 / Math.Pow(rank + 1, exponent);
            weights[rank] = sum;
        }

        for (var rank = 0; rank < count; rank++)
        {
            weights[rank] /= sum;
        }

        return new CustomerChoice(count, weights) { Exponent = exponent };
    }

    /// <summary>A customer index for a uniform number in [0, 1).</summary>
    public int Pick(double unit)
    {
        if (cumulative is null)
        {
            return Math.Min(count - 1, (int)(unit * count));
        }

        var index = Array.BinarySearch(cumulative, unit);
        return Math.Min(count - 1, index >= 0 ? index : ~index);
    }
}
