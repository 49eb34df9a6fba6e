using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.GrainInterfaces.SystemChanges;
using HealthGrid.Grains.Hosting;

namespace HealthGrid.Grains.ProcessOwners;

/// <summary>
/// A process owner: complaint themes routed by categorization code, counted in sliding windows per
/// code, region and product; a theme crossing its threshold is escalated to the owner (and to
/// leadership above the higher threshold), naming recent system changes as candidate causes.
/// </summary>
public sealed class ProcessOwnerGrain(
    [PersistentState("owner", StorageNames.Organisation)] IPersistentState<ProcessOwnerState> state,
    OrganisationServices services) : OrganisationGrain<ProcessOwnerState>(state, services), IProcessOwnerGrain
{
    public async Task RecordThemesAsync(ThemeActivity activity)
    {
        ThemeStatistics.Add(State.Buckets, activity);
        Changed();
        foreach (var theme in activity.Themes.Select(t => new ThemeKey(t.Code, t.Region, t.Product)).Distinct())
        {
            await EvaluateAsync(theme);
        }

        // Once per tally interval at most: the owners' cards move on every dashboard that shows them.
        if (await GetViewAsync() is { } view)
        {
            Services.Broadcaster.Publish(view);
        }
    }

    public async Task<ProcessOwnerView?> GetViewAsync()
    {
        var index = Services.Organisation.Index;
        if (index.Owner(Id) is not { } owner)
        {
            return null;
        }

        var now = Services.Time.GetUtcNow();
        var (met, breached) = ThemeStatistics.Sla(State.Buckets, now);
        var open = await Services.Store.QueryCasesAsync(new CaseQuery { ProcessOwner = Id, Open = true, Limit = 1 }, CancellationToken.None);
        var escalations = await Services.Store.QueryAlertsAsync(new AlertQuery { Audience = new Audience(AudienceKind.ProcessOwner, Id), State = AlertState.Raised, Limit = 1 }, CancellationToken.None);
        return ThemeStatistics.View(owner, index.ProcessesOwnedBy(Id), State.Buckets, now) with
        {
            Sla = new SlaCompliance(met, breached, open.Total),
            OpenEscalations = escalations.Total,
        };
    }

    public Task<ConfigurationEffects> PreviewAsync(ConfigurationProposal proposal) => Task.FromResult(
        proposal.Area == ConfigurationAreaNames.Alerts && Services.Organisation.Index.Owner(Id) is not null
            ? ThemePreview.Of(State, Id, Services.Proposals.Options<AlertOptions>(proposal), proposal.At)
            : ConfigurationEffects.None);

    /// <summary>New thresholds are in force: every theme is judged by them now, as the preview did.</summary>
    public async Task ReevaluateAsync(string area)
    {
        if (area == ConfigurationAreaNames.Alerts)
        {
            foreach (var theme in ThemePreview.Themes(State).ToList())
            {
                await EvaluateAsync(theme);
            }
        }
    }

    /// <summary>Themes that went quiet close with time, not with new complaints.</summary>
    protected override async Task OnTickAsync()
    {
        foreach (var theme in State.Episodes.Keys.ToList())
        {
            await EvaluateAsync(ThemeKey.Parse(theme));
        }
    }

    private async Task EvaluateAsync(ThemeKey theme)
    {
        var thresholds = Services.AlertOptions.ThemeFor(theme.Code);
        var now = Services.Time.GetUtcNow();
        var count = ThemeEscalations.CountInWindow(State.Buckets, theme.ToString(), now, thresholds.Window);
        var episode = State.Episodes.GetValueOrDefault(theme.ToString());
        switch (ThemeEscalations.Decide(episode, count, thresholds))
        {
            case ThemeDecision.Open:
                await OpenAsync(theme, count, thresholds, now);
                break;
            case ThemeDecision.Escalate or ThemeDecision.Update when episode is not null:
                episode.Count = count;
                episode.Leadership |= count >= thresholds.Leadership;
                if (Alerts.Get(episode.AlertId) is { } alert)
                {
                    Alerts.Put(ThemeAlerts.Updated(alert, Id, theme, count, thresholds, episode.Leadership, now));
                }

                break;
            case ThemeDecision.Close when episode is not null:
                Alerts.Clear(episode.AlertId);
                if (episode.CorrelationAlertId is { } correlation)
                {
                    Alerts.Clear(correlation);
                }

                State.Episodes.Remove(theme.ToString());
                break;
        }

        Changed();
    }

    private async Task OpenAsync(ThemeKey theme, int count, ThemeThresholdSettings thresholds, DateTimeOffset now)
    {
        var number = ++State.EpisodesOpened;
        var leadership = count >= thresholds.Leadership;
        var episode = new ThemeEpisode { Number = number, AlertId = ThemeAlerts.EscalationId(Id, theme, number), Count = count, Leadership = leadership };
        State.Episodes[theme.ToString()] = episode;
        var recent = await GrainFactory.GetGrain<ISystemChangeLogGrain>(ISystemChangeLogGrain.GlobalKey).GetRecentAsync(null, now - Services.AlertOptions.ChangeLookback);
        var causes = ThemeAlerts.CandidateCauses(recent, theme);
        Alerts.Put(ThemeAlerts.Opened(episode.AlertId, Id, theme, count, thresholds, leadership, causes, now));
        if (causes.Length > 0)
        {
            episode.CorrelationAlertId = ThemeAlerts.CorrelationId(Id, theme, number);
            Alerts.Put(ThemeAlerts.Correlation(episode.CorrelationAlertId, Id, theme, count, thresholds, causes, now));
        }
    }
}
