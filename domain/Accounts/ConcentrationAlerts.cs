using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Accounts;

/// <summary>
/// The concentration-risk alert of an account: raised to its manager and leadership while the account
/// holds a large share of all revenue and its health is at risk or critical, its severity following
/// the band, resolved when either stops being true.
/// </summary>
public static class ConcentrationAlerts
{
    /// <summary>What the account's open alert should become: a new or changed alert to put, the open one to clear, or nothing.</summary>
    public static (Alert? Put, string? Clear) Evaluate(Alert? open, AccountProfile profile, AccountRollup rollup, decimal totalRevenue, double threshold, int episode, DateTimeOffset now)
    {
        var risk = ConcentrationRisk.Applies(rollup, totalRevenue, threshold);
        if (!risk)
        {
            return (null, open?.Id);
        }

        var severity = rollup.Band == HealthBand.Critical ? AlertSeverity.Critical : AlertSeverity.High;
        if (open is not null && open.Severity == severity)
        {
            return (null, null);
        }

        var share = ConcentrationRisk.ShareOf(rollup, totalRevenue) * 100;
        var alert = open ?? AlertLifecycle.Raise(AlertIds.Of("concentration", profile.Id, episode), AlertType.ConcentrationRisk, severity, "",
            [new Audience(AudienceKind.Account, profile.Id), Audience.Leadership], AlertOwnerKind.Account, profile.Id, now);
        return (alert with
        {
            Severity = severity,
            Message = $"{profile.Name} holds {share:0.#}% of revenue and its health is {(rollup.Band == HealthBand.Critical ? "critical" : "at risk")} ({rollup.Health:0.#}); {rollup.RevenueAtRisk:N0} of its revenue is at risk.",
            AccountId = profile.Id,
            Count = Math.Round(share, 1),
            UpdatedAt = now,
        }, null);
    }
}
