using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Cases;

/// <summary>
/// Escalation-chain arithmetic. With n levels, a start level s and r repeats there are (n − s)·(r + 1)
/// steps; step k alerts level s + k mod (n − s), at the breach time plus the timeouts of the levels
/// before it.
/// </summary>
public static class Escalations
{
    public static int StartLevel(EscalationSettings settings, CustomerProfile profile)
    {
        var critical = profile.Criticality == Criticality.Critical || profile.Tier == Tier.Platinum;
        return critical && settings.Levels.Count > 0 ? Math.Min(settings.CriticalCustomersStartAt, settings.Levels.Count - 1) : 0;
    }

    public static int TotalSteps(EscalationSettings settings, int startLevel) =>
        settings.Levels.Count == 0 ? 1 : (settings.Levels.Count - startLevel) * (settings.Repeat + 1);

    public static int LevelOf(EscalationSettings settings, int startLevel, int step) =>
        settings.Levels.Count == 0 ? 0 : startLevel + (step % (settings.Levels.Count - startLevel));

    /// <summary>When the next level is alerted; null when the chain stopped or has no level left.</summary>
    public static DateTimeOffset? NextAt(EscalationState escalation, EscalationSettings settings)
    {
        if (escalation.Status != EscalationStatus.Active || escalation.Step + 1 >= TotalSteps(settings, escalation.StartLevel))
        {
            return null;
        }

        var at = escalation.StartedAt;
        for (var step = 0; step <= escalation.Step; step++)
        {
            at += settings.Levels[LevelOf(settings, escalation.StartLevel, step)].Timeout;
        }

        return at;
    }
}
