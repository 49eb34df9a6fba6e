using System.Text.Json.Nodes;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Configuration;
using HealthGrid.GrainInterfaces.Notifications;
using HealthGrid.Grains.Configuration;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Logging;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>
/// An endpoint that answered 410 Gone is not tried again: its contact point is disabled by a new version
/// of the notifications area, written as HealthGrid with the reason, so the change is in the area's
/// history like any other and an admin re-enables it by editing the document. The operators are alerted
/// (the point's own grain raises it), since whoever relied on the point is no longer told anything through it.
/// </summary>
public sealed partial class EndpointDisabler(ConfigurationArea<NotificationOptions> area, ConfigurationEditor editor, IGrainFactory grains, ILogger<EndpointDisabler> logger)
{
    public const string Author = "healthgrid";

    public async Task DisableAsync(ContactPointSettings disabled)
    {
        var contactPoint = disabled.Id;
        var current = area.Current;
        if (JsonNode.Parse(current.Document) is not JsonObject document
            || document["contactPoints"] is not JsonArray points
            || points.OfType<JsonObject>().FirstOrDefault(p => (string?)p["id"] == contactPoint) is not { } point
            || point["enabled"]?.GetValue<bool>() == false)
        {
            return;
        }

        point["enabled"] = false;
        const string reason = "its endpoint answered 410 Gone";
        var result = await editor.WriteAsync(new ConfigurationChange
        {
            Area = ConfigurationAreaNames.Notifications,
            Document = document.ToJsonString(),
            ExpectedVersion = current.Version,
            Author = Author,
            Reason = $"contact point '{contactPoint}' disabled: {reason}",
        });
        LogDisabled(contactPoint, result.Outcome.ToString());
        if (result.Outcome == ConfigurationWriteOutcome.Written)
        {
            await grains.GetGrain<IContactPointGrain>(contactPoint).DisabledAsync(disabled.Kind, reason);
        }
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Contact point {ContactPoint} answered 410 Gone and is disabled (configuration write: {Outcome})")]
    private partial void LogDisabled(string contactPoint, string outcome);
}
