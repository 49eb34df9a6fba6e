using System.Globalization;
using System.Text.Json;
using HealthGrid.Api.Infrastructure;

namespace HealthGrid.Api.Connectors;

/// <summary>Reading helpdesks' webhook payloads the same way in every connector: ids as text, times as instants, each error at its field.</summary>
internal static class PayloadFields
{
    /// <summary>A string or number property as text (helpdesks send ids both ways), null when absent or empty.</summary>
    public static string? Text(JsonElement element, string name, FieldErrors? errors = null, bool required = false, string prefix = "")
    {
        var value = element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var property)
            ? property.ValueKind switch
            {
                JsonValueKind.String => property.GetString(),
                JsonValueKind.Number => property.GetRawText(),
                _ => null,
            }
            : null;
        if (required && string.IsNullOrEmpty(value))
        {
            errors?.Add(prefix + name, "is required");
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>Some write nanoseconds (Zendesk: <c>…30.123456789Z</c>); .NET reads at most seven digits of a second, which is all it keeps.</summary>
    private static string WithinTicks(string time)
    {
        var dot = time.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return time;
        }

        var end = dot + 1;
        while (end < time.Length && char.IsAsciiDigit(time[end]))
        {
            end++;
        }

        return end - dot - 1 <= 7 ? time : time[..(dot + 8)] + time[end..];
    }

    public static DateTimeOffset? Time(JsonElement root, string name, FieldErrors errors, string prefix = "")
    {
        if (Text(root, name, errors, required: true, prefix) is not { } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(WithinTicks(text), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            errors.Add(prefix + name, "must be an ISO 8601 time");
            return null;
        }

        return at;
    }
}
