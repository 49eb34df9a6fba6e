using HealthGrid.Domain.Continuity;

namespace HealthGrid.Storage.Continuity;

/// <summary>Where scenarios and the results of their runs are kept: process memory in embedded mode, PostgreSQL otherwise.</summary>
public interface IContinuityStore
{
    Task SaveScenarioAsync(ContinuityScenario scenario, CancellationToken cancellationToken);

    Task<ContinuityScenario[]> ListScenariosAsync(CancellationToken cancellationToken);

    Task<ContinuityScenario?> GetScenarioAsync(string scenarioId, CancellationToken cancellationToken);

    /// <summary>Deletes the scenario and its runs; false when there was none.</summary>
    Task<bool> DeleteScenarioAsync(string scenarioId, CancellationToken cancellationToken);

    /// <summary>Records a run as it starts (or fails).</summary>
    Task SaveRunAsync(ContinuityRun run, CancellationToken cancellationToken);

    /// <summary>Records a finished run with its customers in contact order.</summary>
    Task CompleteRunAsync(ContinuityRun run, IReadOnlyList<ImpactRow> rows, CancellationToken cancellationToken);

    /// <summary>Runs newest first, of one scenario when given.</summary>
    Task<ContinuityRun[]> ListRunsAsync(string? scenarioId, CancellationToken cancellationToken);

    Task<ContinuityRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>A page of a run's customers in contact order.</summary>
    Task<ImpactRow[]> GetRunCustomersAsync(string runId, int offset, int limit, CancellationToken cancellationToken);
}
