namespace HealthGrid.LoadTests.Workloads;

/// <summary>
/// SplitMix64: a deterministic "random" number per (request, event) without shared state, so the
/// workload can recompute later what it sent (which events expect an alert) and threads never contend.
/// </summary>
public static class Hash
{
    public static ulong Of(ulong seed, long sequence, int index)
    {
        var z = seed + ((ulong)sequence * 0x9E3779B97F4A7C15UL) + ((ulong)index * 0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
