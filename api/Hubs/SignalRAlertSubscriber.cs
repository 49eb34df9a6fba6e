using HealthGrid.Alerts;
using Microsoft.AspNetCore.SignalR;

namespace HealthGrid.Hubs;

/// <summary>This server's live-push endpoint: every alert change raised on any silo arrives here and goes to the connections allowed to see it.</summary>
public sealed class SignalRAlertSubscriber(IHubContext<DashboardHub, IDashboardClient> hub, AlertRecipients recipients) : IAlertSubscriber
{
    public Task OnAlertsAsync(Alert[] alerts)
    {
        var sends = new List<Task>(alerts.Length);
        foreach (var alert in alerts)
        {
            if (recipients.For(alert) is { Count: > 0 } connections)
            {
                sends.Add(hub.Clients.Clients(connections).AlertChanged(alert));
            }
        }

        return Task.WhenAll(sends);
    }
}
