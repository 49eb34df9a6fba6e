using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Live;

/// <summary>A customer's newest directory row and the latest score change behind it (with its drivers), pushed to dashboards.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.CustomerUpdate")]
public sealed record CustomerUpdate([property: Id(0)] CustomerSummary Summary, [property: Id(1)] ScoreChange? LatestChange);
