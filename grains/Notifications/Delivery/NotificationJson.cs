using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Domain.Wire;

namespace HealthGrid.Grains.Notifications.Delivery;

/// <summary>How payloads are written: like the API (camelCase, snake_case enums), PagerDuty's and Slack's own names spelled out where they differ.</summary>
internal static class NotificationJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
        options.Converters.Add(new WireEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
