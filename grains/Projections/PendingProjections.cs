using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Notifications;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Grains.Projections;

/// <summary>What a silo has published since its last flush: the newest summary per customer and the new score changes.</summary>
internal sealed class PendingProjections
{
    public Dictionary<string, CustomerSummary> Summaries { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<ScoreChange>> Changes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CaseView> Cases { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Alert> Alerts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CustomerDependencies> Dependencies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CustomerTimer> Timers { get; } = new(StringComparer.Ordinal);

    /// <summary>Not coalesced: every alert change's decision counts, in order (a raise before its acknowledgement).</summary>
    public List<NotificationDecision> Notifications { get; } = [];

    public int ChangeCount { get; private set; }

    public bool IsEmpty => Summaries.Count == 0 && ChangeCount == 0 && Cases.Count == 0 && Alerts.Count == 0 && Dependencies.Count == 0 && Timers.Count == 0 && Notifications.Count == 0;

    public void Add(CustomerDependencies dependencies)
    {
        if (!Dependencies.TryGetValue(dependencies.CustomerId, out var existing) || dependencies.ProfileVersion >= existing.ProfileVersion)
        {
            Dependencies[dependencies.CustomerId] = dependencies;
        }
    }

    /// <summary>A customer's grain publishes its timers in order: the latest is the one in force.</summary>
    public void Add(CustomerTimer timer) => Timers[timer.CustomerId] = timer;

    public void Add(CaseView @case)
    {
        if (!Cases.TryGetValue(@case.Id, out var existing) || @case.Version >= existing.Version)
        {
            Cases[@case.Id] = @case;
        }
    }

    public void Add(Alert alert)
    {
        if (!Alerts.TryGetValue(alert.Id, out var existing) || alert.Version >= existing.Version)
        {
            Alerts[alert.Id] = alert;
        }
    }

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

        foreach (var @case in failed.Cases.Values)
        {
            Add(@case);
        }

        foreach (var alert in failed.Alerts.Values)
        {
            Add(alert);
        }

        foreach (var dependencies in failed.Dependencies.Values)
        {
            Add(dependencies);
        }

        foreach (var timer in failed.Timers.Values)
        {
            Timers.TryAdd(timer.CustomerId, timer);
        }

        Notifications.InsertRange(0, failed.Notifications);
    }

    public ProjectionBatch ToBatch() => new(Summaries.Values, [.. Changes.Values.SelectMany(c => c)], Cases.Values, Alerts.Values, Dependencies.Values, Timers.Values, [.. Notifications]);
}
