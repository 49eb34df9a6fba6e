using System.Text.Json;

namespace HealthGrid.Api.Infrastructure;

/// <summary>A request or message body read as one JSON value, the same way wherever a body is not bound by the framework.</summary>
internal static class JsonBody
{
    /// <summary>The body as one JSON value (cloned: it outlives a pooled buffer), or null with the error at <c>body</c>.</summary>
    public static JsonElement? Parse(ReadOnlyMemory<byte> body, FieldErrors errors)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            errors.Add("body", "is not valid JSON");
            return null;
        }
    }
}
