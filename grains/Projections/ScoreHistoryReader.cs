using HealthGrid.Domain.Customers;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Grains.Projections;

/// <summary>A customer's score changes newest first: the stored ones plus those this silo has not yet written.</summary>
public sealed class ScoreHistoryReader(IProjectionStore store, ProjectionPublisher publisher)
{
    public async Task<ScoreChange[]> ReadAsync(string customerId, long? before, int limit)
    {
        // Pending first: a change flushed while the store is queried is then in one list or both, never in neither.
        var pending = publisher.PendingChanges(customerId);
        var stored = await store.GetScoreHistoryAsync(customerId, before, limit, CancellationToken.None);
        return [.. pending
            .Where(c => before is null || c.Seq < before)
            .Concat(stored)
            .DistinctBy(c => c.Seq)
            .OrderByDescending(c => c.Seq)
            .Take(limit)];
    }
}
