using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Notifications;
using HealthGrid.Grains.Notifications.Delivery;
using HealthGrid.Storage.Notifications;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Notifications;

[StatelessWorker]
public sealed class NotificationsGrain(INotificationStore store, IOptionsMonitor<NotificationOptions> options, NotificationTester tester, TimeProvider time) : Grain, INotificationsGrain
{
    public Task<NotificationPage> QueryAsync(NotificationQuery query) => store.QueryAsync(query, CancellationToken.None);

    public async Task<EndpointHealth[]> EndpointHealthAsync()
    {
        var recent = (await store.EndpointHealthAsync(time.GetUtcNow().AddDays(-1), CancellationToken.None)).ToDictionary(h => h.ContactPoint, StringComparer.Ordinal);
        var configured = options.CurrentValue.ContactPoints;
        return
        [
            .. configured.Select(p => (recent.GetValueOrDefault(p.Id) ?? new EndpointHealth { ContactPoint = p.Id }) with { Kind = p.Kind, Enabled = p.Enabled }),
            .. recent.Values.Where(h => configured.All(p => p.Id != h.ContactPoint)),
        ];
    }

    public Task<TestSendResult?> SendTestAsync(string contactPoint, string by) => tester.SendAsync(contactPoint, by);
}
