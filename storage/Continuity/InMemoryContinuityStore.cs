using HealthGrid.Domain.Continuity;
using Microsoft.Extensions.Options;

namespace HealthGrid.Storage.Continuity;

/// <summary>Embedded mode's scenarios and runs, in process memory; the oldest runs beyond <see cref="ContinuityOptions.RunsKeptInMemory"/> are dropped.</summary>
public sealed class InMemoryContinuityStore(IOptions<ContinuityOptions> options) : IContinuityStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ContinuityScenario> scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ContinuityRun Run, IReadOnlyList<ImpactRow> Rows)> runs = new(StringComparer.Ordinal);

    public Task SaveScenarioAsync(ContinuityScenario scenario, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            scenarios[scenario.Id] = scenario;
        }

        return Task.CompletedTask;
    }

    public Task<ContinuityScenario[]> ListScenariosAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(scenarios.Values.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToArray());
        }
    }

    public Task<ContinuityScenario?> GetScenarioAsync(string scenarioId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(scenarios.GetValueOrDefault(scenarioId));
        }
    }

    public Task<bool> DeleteScenarioAsync(string scenarioId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var run in runs.Values.Where(r => r.Run.ScenarioId == scenarioId).ToList())
            {
                runs.Remove(run.Run.Id);
            }

            return Task.FromResult(scenarios.Remove(scenarioId));
        }
    }

    public Task SaveRunAsync(ContinuityRun run, CancellationToken cancellationToken) => Put(run, []);

    public Task CompleteRunAsync(ContinuityRun run, IReadOnlyList<ImpactRow> rows, CancellationToken cancellationToken) => Put(run, rows);

    public Task<ContinuityRun[]> ListRunsAsync(string? scenarioId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(runs.Values.Select(r => r.Run).Where(r => scenarioId is null || r.ScenarioId == scenarioId)
                .OrderByDescending(r => r.RequestedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray());
        }
    }

    public Task<ContinuityRun?> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(runs.TryGetValue(runId, out var run) ? run.Run : null);
        }
    }

    public Task<ImpactRow[]> GetRunCustomersAsync(string runId, int offset, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(runs.TryGetValue(runId, out var run) ? run.Rows.Skip(offset).Take(limit).ToArray() : []);
        }
    }

    /// <summary>Erasure: the customer's rows in every run's results; how many went.</summary>
    internal int Erase(string customerId)
    {
        lock (gate)
        {
            var erased = 0;
            foreach (var (id, (run, rows)) in runs.ToList())
            {
                var kept = rows.Where(r => r.Impact.CustomerId != customerId).ToArray();
                erased += rows.Count - kept.Length;
                runs[id] = (run, kept);
            }

            return erased;
        }
    }

    private Task Put(ContinuityRun run, IReadOnlyList<ImpactRow> rows)
    {
        lock (gate)
        {
            runs[run.Id] = (run, rows);
            var excess = runs.Count - options.Value.RunsKeptInMemory;
            foreach (var old in runs.Values.OrderBy(r => r.Run.RequestedAt).Take(Math.Max(0, excess)).ToList())
            {
                runs.Remove(old.Run.Id);
            }
        }

        return Task.CompletedTask;
    }
}
