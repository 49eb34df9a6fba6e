namespace HealthGrid.Domain.Cases;

[GenerateSerializer]
public enum EscalationStatus
{
    /// <summary>Climbing: the next level is alerted when the current one's timeout passes unacknowledged.</summary>
    Active,

    /// <summary>Someone acknowledged: the chain stopped.</summary>
    Acknowledged,

    /// <summary>Every level of every repeat was alerted.</summary>
    Exhausted,

    /// <summary>The case was resolved.</summary>
    Closed,
}
