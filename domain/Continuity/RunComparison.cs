namespace HealthGrid.Domain.Continuity;

/// <summary>
/// Two runs side by side (of one scenario over time, or of two scenarios): both summaries and the
/// customers whose projection differs, those with the largest change in revenue at risk first.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.RunComparison")]
public sealed record RunComparison(
    [property: Id(0)] ContinuityRun A,
    [property: Id(1)] ContinuityRun B,
    [property: Id(2)] CustomerDelta[] Customers,
    [property: Id(3)] int CustomersDiffering);
