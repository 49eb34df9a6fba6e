using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Customers;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.JourneyStages;

/// <summary>
/// A journey stage's live volume, sentiment, effort and SLA compliance, fed by each silo's activity
/// aggregator; raises an ownership-gap alert to leadership when events reach the stage, or a process
/// of it, that nobody is accountable for, and resolves it once an owner is configured.
/// </summary>
public sealed class JourneyStageGrain(
    [PersistentState("stage", StorageNames.Organisation)] IPersistentState<JourneyStageState> state,
    CurrentOrganisation organisation,
    IOptions<SnapshotOptions> snapshots,
    IProjectionStore store,
    ProjectionPublisher publisher,
    LiveBroadcaster broadcaster,
    TimeProvider time) : PeriodicallySavedGrain<JourneyStageState>(state, snapshots), IJourneyStageGrain
{
    private OwnedAlerts alerts = null!;

    private string StageId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        alerts = new OwnedAlerts(State.Alerts, AlertOwnerKind.JourneyStage, StageId, publisher, broadcaster, time);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task RecordActivityAsync(StageActivity activity)
    {
        StageStatistics.Add(State.Buckets, activity);
        Changed();
        var index = organisation.Index;
        if (index.Stage(StageId) is { } stage)
        {
            var volume = activity.EventsByKind.Values.Sum();
            Gap(AlertIds.Of("gap", "stage", StageId), string.IsNullOrWhiteSpace(stage.Owner) && volume > 0,
                $"Journey stage {stage.Name} has no accountable owner; {volume} events reached it.", process: null);
            foreach (var (process, count) in activity.UnownedProcesses)
            {
                Gap(AlertIds.Of("gap", "process", process), true, $"Process {process} ({stage.Name}) has no accountable owner; {count} events reached it.", process);
            }
        }

        // Gaps that an owner has since closed.
        foreach (var open in alerts.Open.Where(a => a.Process is { } p && !string.IsNullOrWhiteSpace(index.ProcessOwnerOf(p))).ToList())
        {
            alerts.Clear(open.Id);
        }

        if (index.Stage(StageId) is { Owner: { Length: > 0 } })
        {
            alerts.Clear(AlertIds.Of("gap", "stage", StageId));
        }

        return Task.CompletedTask;
    }

    public async Task<JourneyStageView?> GetViewAsync()
    {
        if (organisation.Index.Stage(StageId) is not { } stage)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var (met, breached) = StageStatistics.Sla(State.Buckets, now);
        var open = await store.QueryCasesAsync(new CaseQuery { JourneyStage = StageId, Open = true, Limit = 1 }, CancellationToken.None);
        var escalated = await store.QueryCasesAsync(new CaseQuery { JourneyStage = StageId, Open = true, SlaState = SlaState.Breached, Limit = 1 }, CancellationToken.None);
        return StageStatistics.View(stage, State.Buckets, now) with
        {
            Sla = new SlaCompliance(met, breached, open.Total),
            OpenEscalations = escalated.Total + alerts.Open.Count(),
        };
    }

    public async Task<AlertActionResult> ActOnAlertAsync(string alertId, AlertState to, string by)
    {
        if (alerts.Act(alertId, to, by) is not { } updated)
        {
            return new AlertActionResult(IngestStatus.Rejected, null, $"alert '{alertId}' cannot move to {to.ToString().ToLowerInvariant()}");
        }

        await SaveNowAsync();
        return new AlertActionResult(IngestStatus.Accepted, updated, null);
    }

    private void Gap(string id, bool gap, string message, string? process)
    {
        if (gap && alerts.Get(id) is null)
        {
            alerts.Put(alerts.New(id, AlertType.OwnershipGap, AlertSeverity.Warning, message, [Audience.Leadership]) with { JourneyStage = StageId, Process = process });
        }
    }
}
