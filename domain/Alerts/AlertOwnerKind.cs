namespace HealthGrid.Domain.Alerts;

/// <summary>The kind of grain that raised an alert and decides its lifecycle.</summary>
[GenerateSerializer]
public enum AlertOwnerKind
{
    Customer,
    ProcessOwner,
    JourneyStage,
    Account,

    /// <summary>A notification contact point (its configured id).</summary>
    ContactPoint,

    /// <summary>A source of events (its id, e.g. <c>zendesk:eu</c>).</summary>
    Source,
}
