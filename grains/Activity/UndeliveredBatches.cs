namespace HealthGrid.Grains.Activity;

/// <summary>
/// Tally batches sent to stage and owner grains: one whose delivery fails (its grain is moving to
/// another silo, say) is kept and sent again with the next interval, up to a bound past which the
/// oldest are let go. Thread-safe: sends of one interval run side by side.
/// </summary>
internal sealed class UndeliveredBatches(int bound)
{
    private readonly Lock gate = new();
    private List<(string Target, Func<Task> Send)> kept = [];
    private int dropped;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return kept.Count;
            }
        }
    }

    /// <summary>Sends what failed before, then <paramref name="batches"/>, each once; answers the targets that failed this time.</summary>
    public async Task<IReadOnlyList<(string Target, Exception Error)>> SendAsync(IEnumerable<(string Target, Func<Task> Send)> batches)
    {
        List<(string Target, Func<Task> Send)> again;
        lock (gate)
        {
            again = kept;
            kept = [];
        }

        var failures = new List<(string, Exception)>();
        await Task.WhenAll(again.Concat(batches).Select(async batch =>
        {
            try
            {
                await batch.Send();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lock (gate)
                {
                    failures.Add((batch.Target, ex));
                    kept.Add(batch);
                    if (kept.Count > bound)
                    {
                        dropped += kept.Count - bound;
                        kept.RemoveRange(0, kept.Count - bound);
                    }
                }
            }
        }));
        return failures;
    }

    /// <summary>How many batches were let go past the bound since the last call (for the log).</summary>
    public int TakeDropped()
    {
        lock (gate)
        {
            var count = dropped;
            dropped = 0;
            return count;
        }
    }
}
