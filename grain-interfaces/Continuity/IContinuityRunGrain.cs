using HealthGrid.Domain.Continuity;

namespace HealthGrid.GrainInterfaces.Continuity;

/// <summary>
/// One run of a scenario, keyed by run id: it fans the scenario out to the customers that depend on
/// a disrupted node, gathers what each projects, reports progress live, and stores the result.
/// </summary>
[Alias("HealthGrid.IContinuityRunGrain")]
public interface IContinuityRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run and answers at once with its first progress; a second start of the same run answers its progress.</summary>
    [Alias("Start")]
    Task<ContinuityRun> StartAsync(ContinuityScenario scenario, DateTimeOffset start, string requestedBy);

    /// <summary>The run's progress while it runs (null once it is only in the store).</summary>
    [Alias("Progress")]
    Task<ContinuityRun?> ProgressAsync();
}
