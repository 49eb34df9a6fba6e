namespace HealthGrid.Silo.Hosting;

public enum StorageMode
{
    /// <summary>Localhost clustering, in-memory grain state, reminders, event log and projections: nothing to install, nothing durable.</summary>
    Embedded,

    /// <summary>PostgreSQL for clustering, grain state, reminders, the event log and the projections: durable, several silos.</summary>
    PostgreSql,
}
