using HealthGrid.Domain.Customers;

namespace HealthGrid.Storage.Projections;

/// <summary>
/// One customer's latest score changes in embedded mode, oldest overwritten first. A ring rather than a
/// list: dropping the oldest of 500 changes from a list moves the other 499 on every event.
/// Changes arrive in sequence order; only a replay after a restart can repeat one. Thread-safe.
/// </summary>
internal sealed class ScoreHistoryRing(int capacity)
{
    private readonly Lock gate = new();
    private ScoreChange[] items = new ScoreChange[Math.Min(capacity, 8)];
    private int start;
    private int count;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    public void Append(ScoreChange change)
    {
        lock (gate)
        {
            if (count > 0 && change.Seq <= At(count - 1).Seq && Contains(change.Seq))
            {
                return;
            }

            if (count < items.Length)
            {
                items[(start + count) % items.Length] = change;
                count++;
            }
            else if (items.Length < capacity)
            {
                Grow();
                items[count++] = change;
            }
            else
            {
                items[start] = change;
                start = (start + 1) % items.Length;
            }
        }
    }

    /// <summary>Up to <paramref name="limit"/> changes older than <paramref name="before"/> (all when null), newest first.</summary>
    public ScoreChange[] Newest(long? before, int limit)
    {
        var matching = new List<ScoreChange>();
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                if (At(i) is var change && (before is null || change.Seq < before))
                {
                    matching.Add(change);
                }
            }
        }

        // A replayed change can arrive behind newer ones, so order by sequence rather than by arrival.
        matching.Sort((a, b) => b.Seq.CompareTo(a.Seq));
        return [.. matching.Take(limit)];
    }

    private ScoreChange At(int index) => items[(start + index) % items.Length];

    private bool Contains(long seq)
    {
        for (var i = 0; i < count; i++)
        {
            if (At(i).Seq == seq)
            {
                return true;
            }
        }

        return false;
    }

    private void Grow()
    {
        var grown = new ScoreChange[Math.Min(capacity, items.Length * 2)];
        for (var i = 0; i < count; i++)
        {
            grown[i] = At(i);
        }

        items = grown;
        start = 0;
    }
}
