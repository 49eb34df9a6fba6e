namespace HealthGrid.Api.Notifications;

/// <summary>The contact point to send a test message to.</summary>
public sealed record TestNotificationRequest(string? ContactPoint);
