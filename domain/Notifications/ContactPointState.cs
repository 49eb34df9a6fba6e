using HealthGrid.Domain.Alerts;

namespace HealthGrid.Domain.Notifications;

/// <summary>A contact point's operational alerts: the open "disabled" alert, if any, and how many were ever raised.</summary>
[GenerateSerializer, Alias("HealthGrid.ContactPointState")]
public sealed class ContactPointState : IOwnsAlerts
{
    [Id(0)] public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public int Disablements { get; set; }
}
