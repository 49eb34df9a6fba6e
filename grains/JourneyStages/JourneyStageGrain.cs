using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.Domain.Organisation;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.Grains.Hosting;

namespace HealthGrid.Grains.JourneyStages;

/// <summary>
/// A journey stage's live volume, sentiment, effort and SLA compliance, fed by each silo's activity
/// aggregator; raises an ownership-gap alert to leadership when events reach the stage, or a process
/// of it, that nobody is accountable for, and resolves it once an owner is configured.
/// </summary>
public sealed class JourneyStageGrain(
    [PersistentState("stage", StorageNames.Organisation)] IPersistentState<JourneyStageState> state,
    OrganisationServices services) : OrganisationGrain<JourneyStageState>(state, services), IJourneyStageGrain
{
    public Task RecordActivityAsync(StageActivity activity)
    {
        StageStatistics.Add(State.Buckets, activity);
        Changed();
        var index = Services.Organisation.Index;
        if (index.Stage(Id) is { } stage)
        {
            foreach (var gap in OwnershipGaps.Opened(stage, activity, id => Alerts.Get(id) is not null, Services.Time.GetUtcNow()).ToList())
            {
                Alerts.Put(gap);
            }
        }

        foreach (var closed in OwnershipGaps.Closed(Alerts.Open, Id, index).ToList())
        {
            Alerts.Clear(closed);
        }

        return Task.CompletedTask;
    }

    public Task<ConfigurationEffects> PreviewAsync(ConfigurationProposal proposal)
    {
        if (proposal.Area != ConfigurationAreaNames.Organisation)
        {
            return Task.FromResult(ConfigurationEffects.None);
        }

        var index = new OrganisationIndex(Services.Proposals.Options<OrganisationOptions>(proposal));
        var closing = OwnershipGaps.Closed(Alerts.Open, Id, index).Select(id => Alerts.Get(id)!).Select(a => new AlertEffect(a.Type, Id, $"Resolved: {a.Message}", a.Id));
        var opening = index.Stage(Id) is { } stage && OwnershipGaps.StageGap(stage, VolumeLastDay(proposal.At), id => Alerts.Get(id) is not null, proposal.At) is { } gap
            ? [new AlertEffect(gap.Type, Id, gap.Message)]
            : Array.Empty<AlertEffect>();
        return Task.FromResult(new ConfigurationEffects { AlertsOpening = [.. opening], AlertsClosing = [.. closing] });
    }

    /// <summary>A new organisation is in force: gaps it closes resolve, and a stage it leaves without an owner that saw events in the last day opens one, as the preview said.</summary>
    public Task ReevaluateAsync(string area)
    {
        if (area != ConfigurationAreaNames.Organisation)
        {
            return Task.CompletedTask;
        }

        var index = Services.Organisation.Index;
        var now = Services.Time.GetUtcNow();
        foreach (var closed in OwnershipGaps.Closed(Alerts.Open, Id, index).ToList())
        {
            Alerts.Clear(closed);
        }

        if (index.Stage(Id) is { } stage && OwnershipGaps.StageGap(stage, VolumeLastDay(now), id => Alerts.Get(id) is not null, now) is { } gap)
        {
            Alerts.Put(gap);
        }

        Changed();
        return Task.CompletedTask;
    }

    public async Task<JourneyStageView?> GetViewAsync()
    {
        if (Services.Organisation.Index.Stage(Id) is not { } stage)
        {
            return null;
        }

        var now = Services.Time.GetUtcNow();
        var (met, breached) = StageStatistics.Sla(State.Buckets, now);
        var open = await Services.Store.QueryCasesAsync(new CaseQuery { JourneyStage = Id, Open = true, Limit = 1 }, CancellationToken.None);
        var escalated = await Services.Store.QueryCasesAsync(new CaseQuery { JourneyStage = Id, Open = true, SlaState = SlaState.Breached, Limit = 1 }, CancellationToken.None);
        return StageStatistics.View(stage, State.Buckets, now) with
        {
            Sla = new SlaCompliance(met, breached, open.Total),
            OpenEscalations = escalated.Total + Alerts.Open.Count(),
        };
    }

    private int VolumeLastDay(DateTimeOffset now) => State.Buckets.Since(now - TimeSpan.FromDays(1)).Sum(b => b.Bucket.Volume);
}
