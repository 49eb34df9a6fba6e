namespace HealthGrid.Domain.Alerts;

/// <summary>Moves an alert along raised → acknowledged → resolved, recording who and when.</summary>
public static class AlertLifecycle
{
    /// <summary>A new alert, raised now by the grain that will decide its lifecycle.</summary>
    public static Alert Raise(string id, AlertType type, AlertSeverity severity, string message, Audience[] audiences, AlertOwnerKind ownerKind, string ownerId, DateTimeOffset now) => new()
    {
        Id = id,
        Type = type,
        Severity = severity,
        State = AlertState.Raised,
        Message = message,
        Audiences = audiences,
        OwnerKind = ownerKind,
        OwnerId = ownerId,
        RaisedAt = now,
        UpdatedAt = now,
        Version = now.UtcTicks,
    };

    /// <summary>The alert after the action, or null when the action does not apply (already there or beyond).</summary>
    public static Alert? Act(Alert alert, AlertState to, string by, DateTimeOffset at, long version) => (alert.State, to) switch
    {
        (AlertState.Raised, AlertState.Acknowledged) => alert with { State = to, AcknowledgedBy = by, AcknowledgedAt = at, UpdatedAt = at, Version = version },
        (AlertState.Raised or AlertState.Acknowledged, AlertState.Resolved) => alert with { State = to, ResolvedBy = by, ResolvedAt = at, UpdatedAt = at, Version = version },
        _ => null,
    };

    /// <summary>The audiences with <paramref name="added"/> included once.</summary>
    public static Audience[] With(Audience[] audiences, Audience added) =>
        audiences.Contains(added) ? audiences : [.. audiences, added];
}
