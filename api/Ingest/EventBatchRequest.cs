using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Ingest;

/// <summary>The body of <c>POST /api/v1/events/batch</c>: up to the batch limit of independent events.</summary>
public sealed record EventBatchRequest : IUnknownFields
{
    public List<EventRequest>? Events { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
