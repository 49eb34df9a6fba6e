namespace HealthGrid.Customers.Text;

public enum TextLabel
{
    Positive,
    Neutral,
    Negative,
    Frustrated,
}
