using System.Collections.Concurrent;
using System.Diagnostics;
using HealthGrid.Domain.Alerts;

namespace HealthGrid.LoadTests.Measure;

/// <summary>
/// End-to-end accounting: the workload says which alert each event should cause (by a key the alert
/// carries, such as its conversation) as it sends it, the dashboard client reports what arrives;
/// each expected alert is timed from its event's scheduled send (the push can beat the event's 202
/// back to the sender, so the 202 is no clock for it), and missing or repeated ones are counted.
/// </summary>
public sealed class AlertExpectations(string what, Func<Alert, string?> keyOf)
{
    private readonly ConcurrentDictionary<string, long> expected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> receivedAlerts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> deliveries = new(StringComparer.Ordinal);
    private readonly LatencyRecorder latency = new();
    private long expectedCount;
    private long duplicates;

    public long Outstanding => expected.Count;

    /// <summary>The event that should raise the alert with <paramref name="key"/> is being sent; it was due at <paramref name="sentTimestamp"/>.</summary>
    public void Expect(string key, long sentTimestamp)
    {
        expected[key] = sentTimestamp;
        Interlocked.Increment(ref expectedCount);
    }

    /// <summary>The event was not accepted, so its alert is not expected.</summary>
    public void Forget(string key)
    {
        if (expected.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref expectedCount);
        }
    }

    /// <summary>
    /// An alert change arrived at the dashboard client. A second alert for one expectation, or the
    /// same change delivered twice, is a duplicate; later versions of the same alert are updates.
    /// </summary>
    public void Received(Alert alert, long timestamp)
    {
        if (keyOf(alert) is not { } key)
        {
            return;
        }

        var first = receivedAlerts.GetOrAdd(key, alert.Id);
        if (first != alert.Id || !deliveries.TryAdd($"{alert.Id}@{alert.Version}", 0))
        {
            Interlocked.Increment(ref duplicates);
            return;
        }

        if (expected.TryRemove(key, out var accepted))
        {
            latency.RecordBetween(accepted, timestamp);
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for stragglers, then reports.</summary>
    public async Task<EndToEndResult> FinishAsync(TimeSpan grace)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(grace.TotalSeconds * Stopwatch.Frequency);
        while (!expected.IsEmpty && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        latency.Tick(0, 0);
        var total = Interlocked.Read(ref expectedCount);
        return new EndToEndResult(what, total, total - expected.Count, expected.Count, Interlocked.Read(ref duplicates), latency.Latency);
    }
}
