using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;

namespace HealthGrid.GrainInterfaces.Continuity;

/// <summary>
/// The continuity planner's scenarios and runs, and the dependency index they are built on. A stateless
/// worker: every silo answers from its own connection to the continuity store.
/// </summary>
[Alias("HealthGrid.IContinuityGrain")]
public interface IContinuityGrain : IGrainWithIntegerKey
{
    [Alias("SaveScenario")]
    Task SaveScenarioAsync(ContinuityScenario scenario);

    [Alias("ListScenarios")]
    Task<ContinuityScenario[]> ListScenariosAsync();

    [Alias("GetScenario")]
    Task<ContinuityScenario?> GetScenarioAsync(string scenarioId);

    /// <summary>Deletes a scenario and its runs; false when there is no such scenario.</summary>
    [Alias("DeleteScenario")]
    Task<bool> DeleteScenarioAsync(string scenarioId);

    /// <summary>Runs newest first, of one scenario when given.</summary>
    [Alias("ListRuns")]
    Task<ContinuityRun[]> ListRunsAsync(string? scenarioId);

    /// <summary>A run: its live progress while it runs, then what it found.</summary>
    [Alias("GetRun")]
    Task<ContinuityRun?> GetRunAsync(string runId);

    /// <summary>A run's customers in contact order; null for an unknown run.</summary>
    [Alias("GetRunCustomers")]
    Task<ImpactPage?> GetRunCustomersAsync(string runId, int offset, int limit);

    /// <summary>Null when either run is unknown or not completed.</summary>
    [Alias("Compare")]
    Task<RunComparison?> CompareAsync(string runA, string runB, int limit);

    /// <summary>Every node customers depend on, by type then id.</summary>
    [Alias("ListNodes")]
    Task<DependencyNodeView[]> ListNodesAsync(DependencyType? type);
}
