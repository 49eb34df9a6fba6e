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
}
