namespace HealthGrid.Api.Connectors;

/// <summary>A connector's answer to the system that called it: the event's id and what became of it (accepted, duplicate, parked, ignored).</summary>
public sealed record ConnectorAnswer(string? EventId, string Status, string? Reason = null);
