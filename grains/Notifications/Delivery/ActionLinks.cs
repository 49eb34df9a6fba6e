namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>The links a message carries: to the dashboard, and to acknowledge or resolve as its recipient.</summary>
public sealed record ActionLinks(string Dashboard, string Acknowledge, string Resolve, DateTimeOffset Expires);
