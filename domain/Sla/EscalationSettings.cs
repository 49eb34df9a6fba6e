using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Domain.Sla;

/// <summary>
/// An escalation chain, PagerDuty-style: on a breach the first level is alerted, each unacknowledged
/// level hands over to the next after its timeout, and the chain runs <see cref="Repeat"/> more times.
/// Critical customers (criticality critical or tier platinum) start at <see cref="CriticalCustomersStartAt"/>.
/// </summary>
public sealed class EscalationSettings
{
    public List<EscalationLevelSettings> Levels { get; set; } = [];

    [Range(0, 10)]
    public int Repeat { get; set; }

    [Range(0, 10)]
    public int CriticalCustomersStartAt { get; set; }
}
