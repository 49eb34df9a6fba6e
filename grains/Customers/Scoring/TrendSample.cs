namespace HealthGrid.Customers.Scoring;

/// <summary>The score at the end of a trend bucket starting at <see cref="Bucket"/> (Unix seconds).</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.TrendSample")]
public sealed record TrendSample([property: Id(0)] long Bucket, [property: Id(1)] float Score);
