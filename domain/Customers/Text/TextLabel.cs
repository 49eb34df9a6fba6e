namespace HealthGrid.Domain.Customers.Text;

public enum TextLabel
{
    Positive,
    Neutral,
    Negative,
    Frustrated,
}
