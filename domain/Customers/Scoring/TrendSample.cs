namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>
/// The score at the end of a trend bucket starting at <see cref="Bucket"/> (Unix seconds), and the
/// highest score within it: a fall inside one bucket must still show as a fall from its peak.
/// A value type: a customer holds up to 186 of them, and an object each would be a pointer chase and an
/// allocation per score change.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.TrendSample")]
public readonly record struct TrendSample([property: Id(0)] long Bucket, [property: Id(1)] float Score, [property: Id(2)] float Peak = 0)
{
    /// <summary>The highest score of the bucket (samples stored before peaks were kept have only the last score).</summary>
    public float High => Math.Max(Peak, Score);
}
