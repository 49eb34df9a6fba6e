namespace HealthGrid.Domain.Cases;

/// <summary>
/// What an SLA measures: the first agent response; the next agent response after each customer
/// update; an agent update at least every period while the case is worked; and the resolution.
/// </summary>
[GenerateSerializer]
public enum SlaMetric
{
    FirstResponse,
    NextResponse,
    PeriodicUpdate,
    Resolution,
}
