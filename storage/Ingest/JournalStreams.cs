namespace HealthGrid.Storage.Ingest;

/// <summary>Event-log stream ids: each grain that owns events replays its own stream.</summary>
public static class JournalStreams
{
    public const string SystemChanges = "system-changes";

    private const string CustomerPrefix = "customer/";

    public static string Customer(string customerId) => CustomerPrefix + customerId;

    /// <summary>The customer whose stream this is, or null for another grain's stream.</summary>
    public static string? CustomerOf(string streamId) =>
        streamId.StartsWith(CustomerPrefix, StringComparison.Ordinal) ? streamId[CustomerPrefix.Length..] : null;
}
