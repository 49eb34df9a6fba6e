namespace HealthGrid.Domain.Customers;

/// <summary>
/// Newest-first page of score changes. Pass <see cref="NextBefore"/> as the next request's
/// <c>before</c> to continue; null when there is nothing older.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.ScoreHistoryPage")]
public sealed record ScoreHistoryPage(
    [property: Id(0)] ScoreChange[] Items,
    [property: Id(1)] long? NextBefore);
