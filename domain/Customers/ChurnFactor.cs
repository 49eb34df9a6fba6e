namespace HealthGrid.Domain.Customers;

/// <summary>One input of the churn model: its observed value and its contribution to the log-odds.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ChurnFactor")]
public sealed record ChurnFactor(
    [property: Id(0)] string Name,
    [property: Id(1)] double Value,
    [property: Id(2)] double Contribution);
