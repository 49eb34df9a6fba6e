using System.Buffers.Text;
using System.Text;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// Builds the links of a message: the dashboard (the customer's page for a customer's alert) and signed,
/// expiring acknowledge and resolve links that act as the notification's recipient
/// (<see cref="NotificationLink"/>; the API's <c>/api/v1/notifications/act</c> opens them).
/// </summary>
public sealed class NotificationLinks(IDataProtectionProvider protection, TimeProvider time)
{
    public const string ActPath = "api/v1/notifications/act";

    private readonly IDataProtector protector = protection.CreateProtector(NotificationLink.Purpose);

    public ActionLinks For(NotificationRecord record, NotificationOptions options)
    {
        var expires = time.GetUtcNow() + options.LinkLifetime;
        var root = options.DashboardUrl.EndsWith('/') ? options.DashboardUrl : options.DashboardUrl + "/";
        var dashboard = record.Alert.CustomerId is { } customer ? $"{root}#/customers/{Uri.EscapeDataString(customer)}" : root;
        return new ActionLinks(dashboard, Act(root, record, AlertState.Acknowledged, expires), Act(root, record, AlertState.Resolved, expires), expires);
    }

    private string Act(string root, NotificationRecord record, AlertState action, DateTimeOffset expires)
    {
        var link = new NotificationLink(record.Id, record.AlertId, record.Recipient, action, expires);
        var token = Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes(link.Encode())));
        return $"{root}{ActPath}?token={token}";
    }
}
