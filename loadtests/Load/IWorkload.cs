namespace HealthGrid.LoadTests.Load;

/// <summary>What a scenario sends: one request per call, built from its sequence number, and what an accepted request means.</summary>
public interface IWorkload
{
    /// <summary>Events (or requests) each request carries, for throughput in items per second.</summary>
    int ItemsPerRequest { get; }

    string ItemUnit { get; }

    HttpRequestMessage Request(long sequence);

    /// <summary>The status to record for a response: its own, or an error status when a 2xx hides a failure (a batch with rejected events).</summary>
    ValueTask<int> OutcomeAsync(HttpResponseMessage response);

    /// <summary>
    /// Request <paramref name="sequence"/> is about to be sent; it was due at <paramref name="timestamp"/>
    /// (what end-to-end latency counts from: an alert can reach a dashboard before its event's 202
    /// reaches the sender). <paramref name="measured"/> is false during warm-up.
    /// </summary>
    void Sending(long sequence, long timestamp, bool measured);

    /// <summary>Request <paramref name="sequence"/> was not accepted: whatever it should have caused is no longer expected.</summary>
    void Failed(long sequence);
}
