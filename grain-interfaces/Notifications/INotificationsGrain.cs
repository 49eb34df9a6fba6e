using HealthGrid.Domain.Notifications;

namespace HealthGrid.GrainInterfaces.Notifications;

/// <summary>The delivery log, the health of each contact point, and test messages. A stateless worker over the silo's notification store and senders.</summary>
[Alias("HealthGrid.INotificationsGrain")]
public interface INotificationsGrain : IGrainWithIntegerKey
{
    [Alias("Query")]
    Task<NotificationPage> QueryAsync(NotificationQuery query);

    /// <summary>Every configured contact point (and any with deliveries that is no longer configured) with its last day of deliveries.</summary>
    [Alias("EndpointHealth")]
    Task<EndpointHealth[]> EndpointHealthAsync();

    /// <summary>Sends a test message to a configured contact point now and answers what the receiver said; null when there is no such contact point.</summary>
    [Alias("SendTest")]
    Task<TestSendResult?> SendTestAsync(string contactPoint, string by);
}
