namespace HealthGrid.Hosting.Background;

/// <summary>
/// When a background loop runs in the silo's life. Loops start in this order and stop in the reverse
/// one, so that whatever a loop hands its work to is up before it and still up after it.
/// </summary>
public enum LoopStage
{
    /// <summary>
    /// Writers of durable storage (the event journal) and what the silo must have before anything runs
    /// (the configuration in force): up before anything can be written, down after everything was.
    /// </summary>
    Storage,

    /// <summary>The cluster fan-out to every silo: up before publishers hand it changes, down after their final pass.</summary>
    Cluster,

    /// <summary>
    /// Publishers that grains hand work to without waiting (projections, live pushes): up before grains
    /// take traffic, down only after every grain has deactivated and flushed into them.
    /// </summary>
    Publishing,

    /// <summary>Work that calls grains (tallies, KPI pushes, registrations, repair, demo traffic): while the silo is active.</summary>
    Active,
}
