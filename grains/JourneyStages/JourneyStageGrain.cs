using HealthGrid.Configuration;
using HealthGrid.Customers;
using HealthGrid.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGrid.JourneyStages;

/// <summary>A journey stage's live volume, sentiment and effort, fed by each silo's activity aggregator.</summary>
public sealed class JourneyStageGrain(
    [PersistentState("stage", StorageNames.Organisation)] IPersistentState<JourneyStageState> state,
    CurrentOrganisation organisation,
    IOptions<SnapshotOptions> snapshots,
    TimeProvider time) : PeriodicallySavedGrain<JourneyStageState>(state, snapshots), IJourneyStageGrain
{
    public Task RecordActivityAsync(StageActivity activity)
    {
        StageStatistics.Add(State.Buckets, activity);
        Changed();
        return Task.CompletedTask;
    }

    public Task<JourneyStageView?> GetViewAsync() =>
        Task.FromResult(organisation.Index.Stage(this.GetPrimaryKeyString()) is { } stage
            ? StageStatistics.View(stage, State.Buckets, time.GetUtcNow())
            : null);
}
