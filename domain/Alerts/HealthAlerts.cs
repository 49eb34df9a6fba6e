using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Alerts;

/// <summary>
/// Alerts on a customer's health for its account manager: falling into a worse band, or dropping
/// at least the configured points within the window. Critical customers' alerts go to leadership too.
/// A customer has one band alert at a time: falling further updates it, recovering to healthy
/// resolves it.
/// </summary>
public static class HealthAlerts
{
    public static void Apply(CustomerState state, ScoreChange? change, long seq, string customerId, CustomerProfile profile, AlertOptions options, CaseEffects effects)
    {
        if (change is null)
        {
            return;
        }

        var critical = profile.Criticality == Criticality.Critical || profile.Tier == Tier.Platinum;
        var open = state.BandAlertId is { } bandAlert ? state.Alerts.GetValueOrDefault(bandAlert) : null;
        if (change.BandAfter > change.BandBefore)
        {
            var severity = change.BandAfter == HealthBand.Critical ? (critical ? AlertSeverity.Critical : AlertSeverity.High) : AlertSeverity.Warning;
            var message = $"{profile.Name} ({profile.Tier}) fell from {Band(change.BandBefore)} to {Band(change.BandAfter)}: health {change.After:0.#}.";
            if (open is null)
            {
                state.BandAlertId = Raise(state, change, seq, customerId, profile, critical, "band", severity, message, effects);
            }
            else
            {
                CaseAlerts.Put(state, open with { Severity = severity, Message = message, CustomerHealth = change.After, UpdatedAt = change.OccurredAt, Version = seq }, effects);
            }
        }
        else if (change.BandAfter == HealthBand.Healthy && open is not null)
        {
            state.BandAlertId = null;
            if (AlertLifecycle.Act(open, AlertState.Resolved, FrustrationAlerts.SystemActor, change.OccurredAt, seq) is { } resolved)
            {
                CaseAlerts.Put(state, resolved, effects);
            }
        }

        var since = change.OccurredAt - options.HealthDropWindow;
        var highest = Math.Max(change.Before, state.Health.Trend.HighestSince(since) ?? change.Before);
        var drop = highest - change.After;
        if (drop >= options.HealthDropPoints && (state.LastDropAlertAt is null || change.OccurredAt - state.LastDropAlertAt >= options.HealthDropWindow))
        {
            state.LastDropAlertAt = change.OccurredAt;
            Raise(state, change, seq, customerId, profile, critical, "drop", critical ? AlertSeverity.High : AlertSeverity.Warning,
                $"{profile.Name} ({profile.Tier}) dropped {drop:0.#} points within {options.HealthDropWindow.TotalHours:0.#} h: health {change.After:0.#}.", effects);
        }
    }

    private static string Raise(CustomerState state, ScoreChange change, long seq, string customerId, CustomerProfile profile, bool critical, string why, AlertSeverity severity, string message, CaseEffects effects)
    {
        Audience account = new(AudienceKind.Account, profile.AccountId);
        var id = AlertIds.Of("health", customerId, why, seq);
        CaseAlerts.Put(state, new Alert
        {
            Id = id,
            Type = AlertType.CustomerHealth,
            Severity = severity,
            State = AlertState.Raised,
            Message = message,
            Audiences = critical ? [account, Audience.Leadership] : [account],
            OwnerKind = AlertOwnerKind.Customer,
            OwnerId = customerId,
            CustomerId = customerId,
            AccountId = profile.AccountId,
            CustomerHealth = change.After,
            CustomerTier = profile.Tier,
            Cues = [.. change.Drivers.Where(d => d.Delta < 0).OrderBy(d => d.Delta).Take(3).Select(d => d.Label)],
            RaisedAt = change.OccurredAt,
            UpdatedAt = change.OccurredAt,
            Version = seq,
        }, effects);
        return id;
    }

    private static string Band(HealthBand band) => band switch
    {
        HealthBand.AtRisk => "at risk",
        HealthBand.Critical => "critical",
        _ => "healthy",
    };
}
