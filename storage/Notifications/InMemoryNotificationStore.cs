using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;

namespace HealthGrid.Storage.Notifications;

/// <summary>
/// The embedded mode's notifications, under one lock (a silo's worker and its flush are the only
/// writers). What is pending is kept ordered by due time and what was last sent per recipient and
/// contact point is kept as it happens, so a claim costs what it claims, not what was ever sent.
/// </summary>
public sealed class InMemoryNotificationStore : INotificationStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, NotificationRecord> records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> byAlert = new(StringComparer.Ordinal);
    private readonly SortedSet<(DateTimeOffset Due, string Id)> pending = new();
    private readonly Dictionary<string, DateTimeOffset> leases = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Recipient, string ContactPoint), RecentSends> recent = [];

    /// <summary>The projection flush's decisions (the in-memory projection store calls this within its write).</summary>
    public void Decide(IEnumerable<NotificationDecision> decisions)
    {
        lock (gate)
        {
            NotificationLedger.Apply(decisions, OfAlert, Add, Put);
        }
    }

    public Task<IReadOnlyList<NotificationRecord>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var due = leases.Where(l => l.Value < now).Select(l => records[l.Key]).Take(limit).ToList();
            foreach (var (at, id) in pending)
            {
                if (at > now || due.Count >= limit)
                {
                    break;
                }

                if (!WaitsForItsPredecessor(records[id], now))
                {
                    due.Add(records[id]);
                }
            }

            var claimed = due.Select(r => r with { State = NotificationState.Sending }).OrderBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            foreach (var record in claimed)
            {
                Put(record);
                leases[record.Id] = now + lease;
            }

            return Task.FromResult<IReadOnlyList<NotificationRecord>>(claimed);
        }
    }

    public Task CompleteAsync(IReadOnlyList<NotificationRecord> updated, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var record in updated)
            {
                Put(record);
                leases.Remove(record.Id);
                if (record.State == NotificationState.Sent && record.SentAt is { } at)
                {
                    var key = (record.Recipient, record.ContactPoint);
                    var last = recent.GetValueOrDefault(key);
                    recent[key] = new RecentSends(Later(last?.LastSentAt, at), record.Alert.Severity == AlertSeverity.Critical ? Later(last?.LastCriticalSentAt, at) : last?.LastCriticalSentAt);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task RenewAsync(IReadOnlyCollection<string> ids, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var id in ids)
            {
                if (leases.ContainsKey(id))
                {
                    leases[id] = until;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            DateTimeOffset? next = pending.Count > 0 ? pending.Min.Due : null;
            foreach (var until in leases.Values)
            {
                next = next is { } n && n <= until ? n : until;
            }

            return Task.FromResult(next);
        }
    }

    public Task<IReadOnlyDictionary<(string Recipient, string ContactPoint), RecentSends>> RecentSendsAsync(IReadOnlyCollection<(string Recipient, string ContactPoint)> pairs, DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyDictionary<(string, string), RecentSends> found = pairs
                .Where(p => recent.TryGetValue(p, out var r) && r.LastSentAt >= since)
                .ToDictionary(p => p, p => recent[p] is var r && r.LastCriticalSentAt < since ? r with { LastCriticalSentAt = null } : recent[p]);
            return Task.FromResult(found);
        }
    }

    public Task<NotificationPage> QueryAsync(NotificationQuery query, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var matching = records.Values.Where(r => Matches(r, query)).OrderByDescending(r => r.DecidedAt).ThenBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
            return Task.FromResult(new NotificationPage([.. matching.Skip(query.Offset).Take(query.Limit)], matching.Count, query.Offset, query.Limit));
        }
    }

    public Task<IReadOnlyList<EndpointHealth>> EndpointHealthAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<EndpointHealth> health = [.. records.Values.GroupBy(r => r.ContactPoint, StringComparer.Ordinal).Select(g =>
            {
                var failures = g.Where(r => r.State == NotificationState.Failed && r.Timeline[^1].At >= since).OrderBy(r => r.Timeline[^1].At).ToList();
                return new EndpointHealth
                {
                    ContactPoint = g.Key,
                    Sent = g.Count(r => r.State == NotificationState.Sent && r.SentAt >= since),
                    Failed = failures.Count,
                    Waiting = g.Count(r => r.State is NotificationState.Pending or NotificationState.Sending),
                    LastSentAt = g.Max(r => r.SentAt),
                    LastFailedAt = failures.LastOrDefault()?.Timeline[^1].At,
                    LastFailure = failures.LastOrDefault()?.Timeline[^1].Reason,
                };
            })];
            return Task.FromResult(health);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private static bool Matches(NotificationRecord record, NotificationQuery query) =>
        (query.AlertId is null || record.AlertId == query.AlertId)
        && (query.Recipient is null || record.Recipient == query.Recipient)
        && (query.Channel is null || record.Channel == query.Channel)
        && (query.State is null || record.State == query.State)
        && (query.VisibleAudiences is not { } visible
            || record.Alert.Audiences.Any(a => visible.Contains(a.Group))
            || (record.Alert.AccountId is { } account && query.VisibleAccounts?.Contains(account) == true));

    private bool WaitsForItsPredecessor(NotificationRecord record, DateTimeOffset now) =>
        NotificationTransitions.IsFollowUp(record.Transition)
        && OfAlert(record.AlertId).Any(r => r.Id != record.Id && r.ContactPoint == record.ContactPoint && r.Recipient == record.Recipient
            && r.State == NotificationState.Sending && leases.GetValueOrDefault(r.Id) >= now);

    /// <summary>Erasure: every notification of these alerts, with its delivery log; how many went.</summary>
    internal int Erase(IEnumerable<string> alertIds)
    {
        lock (gate)
        {
            var erased = 0;
            foreach (var alertId in alertIds)
            {
                foreach (var record in OfAlert(alertId))
                {
                    records.Remove(record.Id);
                    pending.Remove((record.DueAt, record.Id));
                    leases.Remove(record.Id);
                    erased++;
                }

                byAlert.Remove(alertId);
            }

            return erased;
        }
    }

    private List<NotificationRecord> OfAlert(string alertId) =>
        byAlert.TryGetValue(alertId, out var ids) ? [.. ids.Select(id => records[id])] : [];

    /// <summary>Stores a record in place of its previous version, keeping the pending index in step.</summary>
    private void Put(NotificationRecord record)
    {
        if (records.TryGetValue(record.Id, out var previous) && previous.State == NotificationState.Pending)
        {
            pending.Remove((previous.DueAt, previous.Id));
        }

        records[record.Id] = record;
        if (record.State == NotificationState.Pending)
        {
            pending.Add((record.DueAt, record.Id));
        }
    }

    private bool Add(NotificationRecord record)
    {
        if (records.ContainsKey(record.Id))
        {
            return false;
        }

        Put(record);
        if (!byAlert.TryGetValue(record.AlertId, out var ids))
        {
            byAlert[record.AlertId] = ids = [];
        }

        ids.Add(record.Id);
        return true;
    }
}
