namespace HealthGrid.Domain.Cases;

[GenerateSerializer]
public enum CaseOrigin
{
    Ticket,
    Complaint,
}
