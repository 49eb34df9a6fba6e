using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// A test message to a contact point, sent at once through the same templates and sender as a real one
/// (not through the store: nothing is retried or logged), answering what the receiver said. A PagerDuty
/// test triggers and at once resolves its own incident, so no test is left open on call.
/// </summary>
public sealed class NotificationTester(IOptionsMonitor<NotificationOptions> options, NotificationSender sender, TimeProvider time)
{
    public async Task<TestSendResult?> SendAsync(string contactPointId, string by)
    {
        var settings = options.CurrentValue;
        if (settings.ContactPoints.FirstOrDefault(p => p.Id == contactPointId) is not { } point)
        {
            return null;
        }

        var record = Test(point, by, time.GetUtcNow());
        var outcome = await SendAsync(record, point, settings);
        if (point.Kind == ChannelKind.PagerDuty && outcome.Result == DeliveryResult.Sent)
        {
            await SendAsync(record with { Id = record.Id + "|resolved", Transition = NotificationTransitions.Resolved }, point, settings);
        }

        return new TestSendResult(outcome.Result == DeliveryResult.Sent, outcome.Reason, outcome.StatusCode, Math.Round(outcome.Latency.TotalMilliseconds, 1));
    }

    private Task<DeliveryOutcome> SendAsync(NotificationRecord record, ContactPointSettings point, NotificationOptions settings) =>
        sender.SendAsync([record], record.MessageId, point, settings);

    private static NotificationRecord Test(ContactPointSettings point, string by, DateTimeOffset now)
    {
        var id = $"test.{point.Id}.{now.UtcTicks}";
        var alert = new Alert
        {
            Id = id,
            Type = AlertType.SlaWarning,
            Severity = AlertSeverity.Warning,
            State = AlertState.Raised,
            Message = $"A test message from HealthGrid to contact point '{point.Id}', sent by {by}. No alert is behind it.",
            Audiences = [],
            OwnerKind = AlertOwnerKind.Customer,
            OwnerId = "test",
            RaisedAt = now,
            UpdatedAt = now,
            Version = now.UtcTicks,
        };
        return NotificationRecord.Decided(new PlannedNotification
        {
            Id = NotificationIds.Of(id, "raised.warning", "test", point.Id),
            AlertId = id,
            Transition = "raised.warning",
            Recipient = "test",
            ContactPoint = point.Id,
            Channel = point.Kind,
            DueAt = now,
            StopsOnAcknowledge = false,
            Reason = $"test message requested by {by}",
            Alert = alert,
        }, now);
    }
}
