using HealthGrid.Projections;

namespace HealthGrid.Accounts;

/// <summary>
/// One per silo: the revenue of all customers, read from the directory at most once a minute.
/// Concentration is a slow-moving ratio; every account grain asking the store on every summary
/// batch would be the hottest query in the system for a number that barely moves.
/// </summary>
public sealed class TotalRevenue(IProjectionStore store, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private Task<decimal>? current;
    private DateTimeOffset readAt;

    public Task<decimal> GetAsync()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (current is null || current.IsFaulted || now - readAt >= MaxAge)
            {
                current = store.TotalRevenueAsync(CancellationToken.None);
                readAt = now;
            }

            return current;
        }
    }
}
