using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.GrainInterfaces.Continuity;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Continuity;
using HealthGrid.Storage.Projections;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Continuity;

/// <summary>
/// Scenarios, runs and the dependency index, answered from this silo's stores. A run that is still
/// running is read from its run grain, which holds its live progress.
/// </summary>
[StatelessWorker]
public sealed class ContinuityGrain(IContinuityStore store, IProjectionStore projections, CurrentOrganisation organisation) : Grain, IContinuityGrain
{
    /// <summary>The most customers a comparison reads of each run.</summary>
    private const int CompareReadsAtMost = 1_000_000;
    private const int ReadPage = 10_000;

    public Task SaveScenarioAsync(ContinuityScenario scenario) => store.SaveScenarioAsync(scenario, CancellationToken.None);

    public Task<ContinuityScenario[]> ListScenariosAsync() => store.ListScenariosAsync(CancellationToken.None);

    public Task<ContinuityScenario?> GetScenarioAsync(string scenarioId) => store.GetScenarioAsync(scenarioId, CancellationToken.None);

    public Task<bool> DeleteScenarioAsync(string scenarioId) => store.DeleteScenarioAsync(scenarioId, CancellationToken.None);

    public Task<ContinuityRun[]> ListRunsAsync(string? scenarioId) => store.ListRunsAsync(scenarioId, CancellationToken.None);

    public async Task<ContinuityRun?> GetRunAsync(string runId)
    {
        var stored = await store.GetRunAsync(runId, CancellationToken.None);
        if (stored is not { Status: RunStatus.Running })
        {
            return stored;
        }

        return await GrainFactory.GetGrain<IContinuityRunGrain>(runId).ProgressAsync() ?? stored;
    }

    public async Task<ImpactPage?> GetRunCustomersAsync(string runId, int offset, int limit)
    {
        if (await GetRunAsync(runId) is not { } run)
        {
            return null;
        }

        var rows = await store.GetRunCustomersAsync(runId, offset, limit, CancellationToken.None);
        return new ImpactPage(rows, run.Status == RunStatus.Completed ? run.AffectedCustomers : 0, offset, limit);
    }

    public async Task<RunComparison?> CompareAsync(string runA, string runB, int limit)
    {
        if (await store.GetRunAsync(runA, CancellationToken.None) is not { Status: RunStatus.Completed } a
            || await store.GetRunAsync(runB, CancellationToken.None) is not { Status: RunStatus.Completed } b)
        {
            return null;
        }

        var (deltas, differing) = RunDifferences.Between(await AllAsync(runA), await AllAsync(runB), limit);
        return new RunComparison(a, b, deltas, differing);
    }

    public async Task<DependencyNodeView[]> ListNodesAsync(DependencyType? type)
    {
        var nodes = await projections.ListDependencyNodesAsync(CancellationToken.None);
        var index = organisation.Index;
        return [.. nodes.Where(n => type is null || n.Type == type).Select(n => n with
        {
            Name = n.Type switch
            {
                DependencyType.Process => index.Process(n.Id)?.Name,
                DependencyType.JourneyStage => index.Stage(n.Id)?.Name,
                _ => null,
            },
        })];
    }

    private async Task<List<CustomerImpact>> AllAsync(string runId)
    {
        var all = new List<CustomerImpact>();
        for (var offset = 0; offset < CompareReadsAtMost; offset += ReadPage)
        {
            var page = await store.GetRunCustomersAsync(runId, offset, ReadPage, CancellationToken.None);
            all.AddRange(page.Select(r => r.Impact));
            if (page.Length < ReadPage)
            {
                break;
            }
        }

        return all;
    }
}
