namespace HealthGrid.Cases;

[GenerateSerializer]
public enum CaseOrigin
{
    Ticket,
    Complaint,
}
