namespace HealthGrid.Storage.Ingest;

/// <summary>Event-log stream ids: each grain that owns events replays its own stream.</summary>
public static class JournalStreams
{
    public const string SystemChanges = "system-changes";

    public static string Customer(string customerId) => "customer/" + customerId;
}
