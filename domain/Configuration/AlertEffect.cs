using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Configuration;

/// <summary>An alert that a configuration change would open or close: its type, what it is about, and why.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AlertEffect")]
public sealed record AlertEffect(
    [property: Id(0)] AlertType Type,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Message,
    [property: Id(3)] string? AlertId = null);
