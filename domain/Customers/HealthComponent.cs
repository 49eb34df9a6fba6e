namespace HealthGrid.Domain.Customers;

/// <summary>The parts the health score is built from; each is 0-100, higher is healthier.</summary>
[GenerateSerializer]
public enum HealthComponent
{
    Satisfaction,
    Sentiment,
    SupportLoad,
    Delivery,
    Payment,
    Adoption,
    SlaBreaches,
}
