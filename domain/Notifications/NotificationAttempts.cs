namespace HealthGrid.Domain.Notifications;

/// <summary>
/// What an attempt makes of a notification: sent; retried on the retry schedule (or at the receiver's
/// Retry-After when that is later, capped at a day); failed when the schedule is spent or the failure is
/// permanent. Each becomes a step of its timeline with the status code and latency.
/// </summary>
public static class NotificationAttempts
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    public static NotificationRecord After(NotificationRecord record, DeliveryOutcome outcome, string messageId, IReadOnlyList<TimeSpan> retries, DateTimeOffset now)
    {
        var attempts = record.Attempts + 1;
        var latency = Math.Round(outcome.Latency.TotalMilliseconds, 1);
        NotificationEvent Step(NotificationEventKind kind, string reason) =>
            new() { At = now, Kind = kind, Reason = reason, StatusCode = outcome.StatusCode, LatencyMs = latency, MessageId = messageId };

        if (outcome.Result == DeliveryResult.Sent)
        {
            return record with { State = NotificationState.Sent, SentAt = now, Attempts = attempts, Timeline = [.. record.Timeline, Step(NotificationEventKind.Sent, outcome.Reason)] };
        }

        if (outcome.Result == DeliveryResult.Transient && attempts <= retries.Count)
        {
            var wait = retries[attempts - 1];
            var asked = outcome.RetryAfter is { } retryAfter ? (retryAfter < MaxRetryAfter ? retryAfter : MaxRetryAfter) : TimeSpan.Zero;
            var after = asked > wait ? asked : wait;
            var why = asked > wait ? $"{outcome.Reason}; retry {attempts} in {after} as the receiver asked (Retry-After)" : $"{outcome.Reason}; retry {attempts} in {after}";
            return record with { State = NotificationState.Pending, DueAt = now + after, Attempts = attempts, Timeline = [.. record.Timeline, Step(NotificationEventKind.Retrying, why)] };
        }

        var reason = outcome.Result == DeliveryResult.Transient ? $"{outcome.Reason}; gave up after {attempts} attempts" : outcome.Reason;
        return record with { State = NotificationState.Failed, Attempts = attempts, Timeline = [.. record.Timeline, Step(NotificationEventKind.Failed, reason)] };
    }

    /// <summary>Given up without an attempt: its contact point was removed or disabled since it was decided.</summary>
    public static NotificationRecord Abandoned(NotificationRecord record, string reason, DateTimeOffset now) =>
        record with { State = NotificationState.Failed, Timeline = [.. record.Timeline, new NotificationEvent { At = now, Kind = NotificationEventKind.Failed, Reason = reason }] };
}
