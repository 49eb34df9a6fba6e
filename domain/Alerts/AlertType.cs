namespace HealthGrid.Domain.Alerts;

[GenerateSerializer]
public enum AlertType
{
    SlaWarning,
    SlaBreach,
    Frustration,
    ThemeEscalation,
    ChangeCorrelation,
    CustomerHealth,
    OwnershipGap,
    ConcentrationRisk,

    /// <summary>A notification endpoint answered 410 Gone and its contact point was disabled: nobody is told through it any more.</summary>
    EndpointDisabled,

    /// <summary>A source of events went quiet beyond its window, or its events lag beyond their threshold: scores fed by it may be stale.</summary>
    SourceStale,
}
