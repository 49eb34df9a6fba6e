using HealthGrid.Customers;

namespace HealthGrid.Projections;

/// <summary>What a silo has published since its last flush: the newest summary per customer and the new score changes.</summary>
internal sealed class PendingProjections
{
    public Dictionary<string, CustomerSummary> Summaries { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<ScoreChange>> Changes { get; } = new(StringComparer.Ordinal);

    public int ChangeCount { get; private set; }

    public bool IsEmpty => Summaries.Count == 0 && ChangeCount == 0;

    public void Add(CustomerSummary summary)
    {
        if (!Summaries.TryGetValue(summary.Id, out var existing) || summary.IsNotOlderThan(existing))
        {
            Summaries[summary.Id] = summary;
        }
    }

    public void Add(ScoreChange change)
    {
        if (!Changes.TryGetValue(change.CustomerId, out var list))
        {
            list = new List<ScoreChange>(2);
            Changes[change.CustomerId] = list;
        }

        list.Add(change);
        ChangeCount++;
    }

    /// <summary>Puts back what a failed flush took, behind anything newer published since.</summary>
    public void Restore(PendingProjections failed)
    {
        foreach (var summary in failed.Summaries.Values)
        {
            Add(summary);
        }

        foreach (var change in failed.Changes.Values.SelectMany(c => c))
        {
            Add(change);
        }
    }

    public List<ScoreChange> AllChanges() => [.. Changes.Values.SelectMany(c => c)];
}
