using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Kpis;
using HealthGrid.Domain.Live;
using HealthGrid.GrainInterfaces.Live;
using Microsoft.AspNetCore.SignalR;

namespace HealthGrid.Api.Live;

/// <summary>
/// This server's live-push endpoint: every live change made on any silo arrives here and goes to the
/// connections allowed to see it. Customer and case changes are gathered per connection, so a page
/// gets one message per flush however many of its rows changed.
/// </summary>
public sealed class SignalRLiveSubscriber(
    IHubContext<DashboardHub, IDashboardClient> hub,
    LiveRecipients recipients,
    LiveConversations conversations,
    EscalationCounter escalations) : ILiveSubscriber
{
    public Task OnAlertsAsync(Alert[] alerts)
    {
        escalations.Count(alerts.Where(a => a.State == AlertState.Raised));
        if (recipients.IsEmpty)
        {
            return Task.CompletedTask;
        }

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

    public Task OnCustomersAsync(CustomerUpdate[] customers) =>
        SendPerConnection(customers, LiveGroups.Of, (client, items) => client.CustomersChanged(items));

    public Task OnCasesAsync(CaseView[] cases) =>
        SendPerConnection(cases, LiveGroups.Of, (client, items) => client.CasesChanged(items));

    public Task OnInteractionsAsync(LiveInteractionView[] interactions)
    {
        conversations.Apply(interactions);
        if (recipients.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var sends = new List<Task>(interactions.Length);
        foreach (var interaction in interactions)
        {
            if (recipients.For(LiveGroups.Of(interaction)) is { Count: > 0 } connections)
            {
                sends.Add(hub.Clients.Clients(connections).InteractionChanged(interaction));
            }
        }

        return Task.WhenAll(sends);
    }

    public Task OnContinuityRunsAsync(ContinuityRun[] runs)
    {
        if (recipients.For([AlertGroups.Continuity]) is not { Count: > 0 } connections)
        {
            return Task.CompletedTask;
        }

        var client = hub.Clients.Clients(connections);
        return Task.WhenAll(runs.Select(client.ContinuityRunChanged));
    }

    private Task SendPerConnection<T>(T[] items, Func<T, IEnumerable<string>> groups, Func<IDashboardClient, T[], Task> send)
    {
        if (recipients.IsEmpty)
        {
            return Task.CompletedTask;
        }

        var perConnection = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var connection in recipients.For(groups(item)))
            {
                if (!perConnection.TryGetValue(connection, out var list))
                {
                    list = [];
                    perConnection[connection] = list;
                }

                list.Add(item);
            }
        }

        return Task.WhenAll(perConnection.Select(p => send(hub.Clients.Client(p.Key), [.. p.Value])));
    }
}
