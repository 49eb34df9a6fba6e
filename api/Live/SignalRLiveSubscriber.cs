using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Kpis;
using HealthGrid.Domain.Live;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.SystemChanges;
using HealthGrid.GrainInterfaces.Live;
using Microsoft.AspNetCore.SignalR;

namespace HealthGrid.Api.Live;

/// <summary>
/// This server's live-push endpoint: every live change made on any silo arrives here through the
/// cluster fan-out and goes to the connections allowed to see it. Customer and case changes are gathered per connection, so a page
/// gets one message per flush however many of its rows changed.
/// </summary>
public sealed class SignalRLiveSubscriber(
    IHubContext<DashboardHub, IDashboardClient> hub,
    LiveRecipients recipients,
    LiveConversations conversations,
    EscalationCounter escalations) : ILiveSubscriber
{
    public Task OnChangesAsync(LiveChanges changes) => Task.WhenAll(
        OnAlertsAsync(changes.Alerts),
        OnInteractionsAsync(changes.Interactions),
        OnCustomersAsync(changes.Customers),
        SendPerConnection(changes.Accounts, LiveGroups.Of, (client, items) => client.AccountsChanged(items)),
        OnCasesAsync(changes.Cases),
        OnContinuityRunsAsync(changes.Runs),
        OnOrganisationAsync(changes.Owners, changes.SystemChanges));

    public Task OnResyncAsync(string reason) => hub.Clients.All.Resync(reason);

    private Task OnAlertsAsync(Alert[] alerts)
    {
        if (alerts.Length == 0)
        {
            return Task.CompletedTask;
        }

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

    private Task OnCustomersAsync(CustomerUpdate[] customers) =>
        SendPerConnection(customers, LiveGroups.Of, (client, items) => client.CustomersChanged(items));

    private Task OnCasesAsync(CaseView[] cases) =>
        SendPerConnection(cases, LiveGroups.Of, (client, items) => client.CasesChanged(items));

    private Task OnInteractionsAsync(LiveInteractionView[] interactions)
    {
        if (interactions.Length == 0)
        {
            return Task.CompletedTask;
        }

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

    private Task OnContinuityRunsAsync(ContinuityRun[] runs)
    {
        if (runs.Length == 0)
        {
            return Task.CompletedTask;
        }

        if (recipients.For([AlertGroups.Continuity]) is not { Count: > 0 } connections)
        {
            return Task.CompletedTask;
        }

        var client = hub.Clients.Clients(connections);
        return Task.WhenAll(runs.Select(client.ContinuityRunChanged));
    }

    private Task OnOrganisationAsync(ProcessOwnerView[] owners, SystemChangeRecord[] systemChanges)
    {
        if ((owners.Length == 0 && systemChanges.Length == 0) || recipients.For([AlertGroups.Organisation]) is not { Count: > 0 } connections)
        {
            return Task.CompletedTask;
        }

        var client = hub.Clients.Clients(connections);
        return Task.WhenAll(systemChanges.Select(client.SystemChangeRecorded).Append(owners.Length > 0 ? client.ProcessOwnersChanged(owners) : Task.CompletedTask));
    }

    private Task SendPerConnection<T>(T[] items, Func<T, IEnumerable<string>> groups, Func<IDashboardClient, T[], Task> send)
    {
        if (items.Length == 0 || recipients.IsEmpty)
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
