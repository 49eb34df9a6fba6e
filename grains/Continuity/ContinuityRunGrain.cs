using System.Diagnostics;
using HealthGrid.Domain.Continuity;
using HealthGrid.GrainInterfaces.Continuity;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Live;
using HealthGrid.Storage.Continuity;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Continuity;

/// <summary>
/// One run of a scenario. Finds the customers depending on a disrupted node in the dependency index
/// (never every customer), has each customer grain project the scenario onto itself (in parallel,
/// <see cref="ContinuityOptions.Parallelism"/> at a time), pushes progress to planners while it goes,
/// and stores what <see cref="RunAggregator"/> makes of the impacts.
/// </summary>
public sealed partial class ContinuityRunGrain(
    IProjectionStore projections,
    IContinuityStore store,
    CustomerGrainReferences customers,
    LiveBroadcaster live,
    IOptions<ContinuityOptions> options,
    TimeProvider time,
    ILogger<ContinuityRunGrain> logger) : Grain, IContinuityRunGrain
{
    private ContinuityRun? progress;

    public async Task<ContinuityRun> StartAsync(ContinuityScenario scenario, DateTimeOffset start, string requestedBy)
    {
        if (progress is not null)
        {
            return progress;
        }

        var now = time.GetUtcNow();
        var plan = new ScenarioPlan
        {
            RunId = this.GetPrimaryKeyString(),
            Scenario = scenario,
            Start = start,
            IncludeOpenCases = start - now <= options.Value.OpenCasesWithin,
        };
        var candidates = await projections.GetDependentsAsync([.. scenario.Disruptions.SelectMany(d => d.Nodes).Distinct()], CancellationToken.None);
        progress = new ContinuityRun
        {
            Id = plan.RunId,
            ScenarioId = scenario.Id,
            ScenarioName = scenario.Name,
            RequestedBy = requestedBy,
            Status = RunStatus.Running,
            RequestedAt = now,
            DisruptionStart = plan.Start,
            DisruptionEnd = plan.End,
            Candidates = candidates.Length,
            Processed = 0,
        };
        await store.SaveRunAsync(progress, CancellationToken.None);
        live.Publish(progress);

        // Runs on in this activation's scheduler after the answer; the caller follows it by push or by reading the run.
        DelayDeactivation(TimeSpan.FromMinutes(30));
        _ = RunAsync(plan, candidates);
        return progress;
    }

    public Task<ContinuityRun?> ProgressAsync() => Task.FromResult(progress);

    private async Task RunAsync(ScenarioPlan plan, string[] candidates)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var impacts = await ProjectAsync(plan, candidates);
            var accounts = (await projections.ListAccountsAsync(CancellationToken.None)).ToDictionary(a => a.Id, StringComparer.Ordinal);
            var (run, rows) = RunAggregator.Complete(progress!, impacts, accounts, time.GetUtcNow());
            await store.CompleteRunAsync(run, rows, CancellationToken.None);
            progress = run;
            LogCompleted(run.Id, run.ScenarioId, run.AffectedCustomers, run.CustomersBreaching, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            LogFailed(ex, plan.RunId, plan.Scenario.Id);
            progress = progress! with { Status = RunStatus.Failed, Error = "The run could not be completed; see the server log.", CompletedAt = time.GetUtcNow() };
            await store.SaveRunAsync(progress, CancellationToken.None);
        }

        live.Publish(progress);
    }

    private async Task<List<CustomerImpact>> ProjectAsync(ScenarioPlan plan, string[] candidates)
    {
        var impacts = new List<CustomerImpact>(candidates.Length);
        var chunk = options.Value.Parallelism;
        var pushed = Stopwatch.GetTimestamp();
        for (var from = 0; from < candidates.Length; from += chunk)
        {
            var calls = new Task<CustomerImpact?>[Math.Min(chunk, candidates.Length - from)];
            for (var i = 0; i < calls.Length; i++)
            {
                calls[i] = customers.Get(candidates[from + i]).SimulateDisruptionAsync(plan);
            }

            foreach (var impact in await Task.WhenAll(calls))
            {
                if (impact is not null)
                {
                    impacts.Add(impact);
                }
            }

            progress = progress! with { Processed = from + calls.Length, AffectedCustomers = impacts.Count };
            if (Stopwatch.GetElapsedTime(pushed) >= options.Value.ProgressEvery)
            {
                live.Publish(progress);
                pushed = Stopwatch.GetTimestamp();
            }
        }

        return impacts;
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Continuity run {RunId} of scenario {ScenarioId}: {Affected} customers affected, {Breaching} breaching, in {Milliseconds:0} ms")]
    private partial void LogCompleted(string runId, string scenarioId, int affected, int breaching, double milliseconds);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Error, Message = "Continuity run {RunId} of scenario {ScenarioId} failed")]
    private partial void LogFailed(Exception exception, string runId, string scenarioId);
}
