namespace HealthGrid.Domain.Continuity;

[GenerateSerializer]
public enum DisruptionMode
{
    /// <summary>The node is down: nothing it provides is available.</summary>
    Outage,

    /// <summary>The node runs at reduced capacity: it loses <c>DegradedPercent</c> of what it provides.</summary>
    Degraded,
}
