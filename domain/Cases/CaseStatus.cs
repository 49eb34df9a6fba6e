namespace HealthGrid.Domain.Cases;

/// <summary>The closed loop of a case.</summary>
[GenerateSerializer]
public enum CaseStatus
{
    Opened,
    Acknowledged,
    Investigating,
    WaitingOnCustomer,
    Resolved,
    Closed,
}
