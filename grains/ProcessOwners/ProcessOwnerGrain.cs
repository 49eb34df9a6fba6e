using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.SystemChanges;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.GrainInterfaces.SystemChanges;
using HealthGrid.Grains.Alerts;
using HealthGrid.Grains.Customers;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Live;
using HealthGrid.Grains.Projections;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.ProcessOwners;

/// <summary>
/// A process owner: complaint themes routed by categorization code, counted in sliding windows per
/// code, region and product; a theme crossing its threshold is escalated to the owner (and to
/// leadership above the higher threshold), naming recent system changes as candidate causes.
/// </summary>
public sealed class ProcessOwnerGrain(
    [PersistentState("owner", StorageNames.Organisation)] IPersistentState<ProcessOwnerState> state,
    CurrentOrganisation organisation,
    IOptionsMonitor<AlertOptions> alertOptions,
    IOptions<SnapshotOptions> snapshots,
    IProjectionStore store,
    ProjectionPublisher publisher,
    LiveBroadcaster broadcaster,
    TimeProvider time) : PeriodicallySavedGrain<ProcessOwnerState>(state, snapshots), IProcessOwnerGrain
{
    private OwnedAlerts alerts = null!;

    private string OwnerId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        alerts = new OwnedAlerts(State.Alerts, AlertOwnerKind.ProcessOwner, OwnerId, publisher, broadcaster, time);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task RecordThemesAsync(ThemeActivity activity)
    {
        ThemeStatistics.Add(State.Buckets, activity);
        Changed();
        foreach (var theme in activity.Themes.Select(t => ThemeStatistics.Key(t.Code, t.Region, t.Product)).Distinct())
        {
            await EvaluateAsync(theme);
        }
    }

    public async Task<ProcessOwnerView?> GetViewAsync()
    {
        var index = organisation.Index;
        if (index.Owner(OwnerId) is not { } owner)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var (met, breached) = ThemeStatistics.Sla(State.Buckets, now);
        var open = await store.QueryCasesAsync(new CaseQuery { ProcessOwner = OwnerId, Open = true, Limit = 1 }, CancellationToken.None);
        var escalations = await store.QueryAlertsAsync(new AlertQuery { Audience = new Audience(AudienceKind.ProcessOwner, OwnerId), State = AlertState.Raised, Limit = 1 }, CancellationToken.None);
        return ThemeStatistics.View(owner, index.ProcessesOwnedBy(OwnerId), State.Buckets, now) with
        {
            Sla = new SlaCompliance(met, breached, open.Total),
            OpenEscalations = escalations.Total,
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

    /// <summary>Themes that went quiet close with time, not with new complaints.</summary>
    protected override async Task OnTickAsync()
    {
        foreach (var theme in State.Episodes.Keys.ToList())
        {
            await EvaluateAsync(theme);
        }
    }

    private async Task EvaluateAsync(string theme)
    {
        var parts = ThemeStatistics.Parts(theme);
        var thresholds = alertOptions.CurrentValue.ThemeFor(parts[0]);
        var count = ThemeEscalations.CountInWindow(State.Buckets, theme, time.GetUtcNow(), thresholds.Window);
        var episode = State.Episodes.GetValueOrDefault(theme);
        switch (ThemeEscalations.Decide(episode, count, thresholds))
        {
            case ThemeDecision.Open:
                await OpenAsync(theme, parts, count, thresholds);
                break;
            case ThemeDecision.Escalate or ThemeDecision.Update when episode is not null:
                Update(episode, parts, count, thresholds, escalate: count >= thresholds.Leadership);
                break;
            case ThemeDecision.Close when episode is not null:
                alerts.Clear(episode.AlertId);
                if (episode.CorrelationAlertId is { } correlation)
                {
                    alerts.Clear(correlation);
                }

                State.Episodes.Remove(theme);
                break;
        }

        Changed();
    }

    private async Task OpenAsync(string theme, string[] parts, int count, ThemeThresholdSettings thresholds)
    {
        var (code, region, product) = (parts[0], parts[1], parts[2]);
        var number = ++State.EpisodesOpened;
        var episode = new ThemeEpisode { Number = number, AlertId = AlertIds.Of("theme", OwnerId, code, region, product, number), Count = count };
        State.Episodes[theme] = episode;
        var causes = await CandidateCausesAsync(region, product);
        var leadership = count >= thresholds.Leadership;
        episode.Leadership = leadership;
        alerts.Put(Theme(alerts.New(episode.AlertId, AlertType.ThemeEscalation, leadership ? AlertSeverity.Critical : AlertSeverity.High, "", []), parts, count, thresholds, leadership) with { CandidateCauses = causes });
        if (causes.Length > 0)
        {
            episode.CorrelationAlertId = AlertIds.Of("change", OwnerId, code, region, product, number);
            alerts.Put(alerts.New(episode.CorrelationAlertId, AlertType.ChangeCorrelation, AlertSeverity.High,
                $"{count} complaints coded {code} ({region}, {product}) within {thresholds.Window.TotalMinutes:0} min follow {causes.Length} recent change(s): {string.Join("; ", causes.Select(c => c.Description))}.",
                [new Audience(AudienceKind.ProcessOwner, OwnerId), Audience.Leadership]) with
            {
                ProcessOwner = OwnerId,
                Code = code,
                Count = count,
                CandidateCauses = causes,
            });
        }
    }

    private void Update(ThemeEpisode episode, string[] parts, int count, ThemeThresholdSettings thresholds, bool escalate)
    {
        episode.Count = count;
        episode.Leadership |= escalate;
        if (alerts.Get(episode.AlertId) is { } alert)
        {
            alerts.Put(Theme(alert, parts, count, thresholds, episode.Leadership) with { UpdatedAt = time.GetUtcNow() });
        }
    }

    private Alert Theme(Alert alert, string[] parts, int count, ThemeThresholdSettings thresholds, bool leadership) => alert with
    {
        Message = $"{count} complaints coded {parts[0]} in {parts[1]} for {parts[2]} within {thresholds.Window.TotalMinutes:0} min"
            + (leadership ? $" (leadership threshold {thresholds.Leadership})." : $" (threshold {thresholds.Owner})."),
        Audiences = leadership ? [new Audience(AudienceKind.ProcessOwner, OwnerId), Audience.Leadership] : [new Audience(AudienceKind.ProcessOwner, OwnerId)],
        Severity = leadership ? AlertSeverity.Critical : AlertSeverity.High,
        ProcessOwner = OwnerId,
        Code = parts[0],
        Count = count,
    };

    /// <summary>Recent releases or configuration changes for the same product and region (or unscoped ones).</summary>
    private async Task<SystemChangeRecord[]> CandidateCausesAsync(string region, string product)
    {
        var since = time.GetUtcNow() - alertOptions.CurrentValue.ChangeLookback;
        var changes = await GrainFactory.GetGrain<ISystemChangeLogGrain>(ISystemChangeLogGrain.GlobalKey).GetRecentAsync(null, since);
        return [.. changes.Where(c =>
            (c.Product is null || string.Equals(c.Product, product, StringComparison.OrdinalIgnoreCase))
            && (c.Region is null || string.Equals(c.Region, region, StringComparison.OrdinalIgnoreCase)))];
    }
}
