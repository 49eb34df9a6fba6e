using HealthGrid.Cases;
using HealthGrid.Configuration;
using HealthGrid.Customers;

namespace HealthGrid.Alerts;

/// <summary>
/// Alerts on a customer's health for its account manager: falling into a worse band, or dropping
/// at least the configured points within the window. Critical customers' alerts go to leadership too.
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
        if (change.BandAfter > change.BandBefore)
        {
            Raise(state, change, seq, customerId, profile, critical, "band",
                change.BandAfter == HealthBand.Critical ? (critical ? AlertSeverity.Critical : AlertSeverity.High) : AlertSeverity.Warning,
                $"{profile.Name} ({profile.Tier}) fell from {Band(change.BandBefore)} to {Band(change.BandAfter)}: health {change.After:0.#}.", effects);
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

    private static void Raise(CustomerState state, ScoreChange change, long seq, string customerId, CustomerProfile profile, bool critical, string why, AlertSeverity severity, string message, CaseEffects effects)
    {
        Audience account = new(AudienceKind.Account, profile.AccountId);
        CaseAlerts.Put(state, new Alert
        {
            Id = AlertIds.Of("health", customerId, why, seq),
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
    }

    private static string Band(HealthBand band) => band switch
    {
        HealthBand.AtRisk => "at risk",
        HealthBand.Critical => "critical",
        _ => "healthy",
    };
}
