using System.Text.Json;

namespace HealthGrid.Domain.Wire;

/// <summary>A value our converters could not read, with the reason a client is told (System.Text.Json adds the path).</summary>
public sealed class JsonFieldException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}
