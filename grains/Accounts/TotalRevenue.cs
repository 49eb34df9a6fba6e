using HealthGrid.Storage.Projections;

namespace HealthGrid.Grains.Accounts;

/// <summary>
/// One per silo: the revenue of all customers, read from the directory at most every few seconds.
/// Concentration is a slow-moving ratio; every account grain asking the store on every summary
/// batch would be the hottest query in the system for a number that barely moves. A total below
/// the asking account's own revenue is stale by definition (read while the directory was filling,
/// e.g. during an import) and is read again at once.
/// </summary>
public sealed class TotalRevenue(IProjectionStore store, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly Lock gate = new();
    private Task<decimal>? current;
    private DateTimeOffset readAt;

    public async Task<decimal> GetAsync(decimal atLeast)
    {
        var total = await GetAsync(refresh: false);
        return total >= atLeast ? total : await GetAsync(refresh: true);
    }

    private Task<decimal> GetAsync(bool refresh)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (refresh || current is null || current.IsFaulted || now - readAt >= MaxAge)
            {
                current = store.TotalRevenueAsync(CancellationToken.None);
                readAt = now;
            }

            return current;
        }
    }
}
