using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Configuration;

/// <summary>A new document for an area (PUT) and why.</summary>
public sealed record ConfigurationPutRequest : IUnknownFields
{
    /// <summary>The whole document, as <c>GET /api/v1/config/{area}</c> returns it.</summary>
    public JsonElement? Document { get; init; }

    /// <summary>Why, for the configuration history.</summary>
    public string? Reason { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>A document to preview.</summary>
public sealed record ConfigurationPreviewRequest : IUnknownFields
{
    public JsonElement? Document { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>Why an earlier version is restored.</summary>
public sealed record ConfigurationRollbackRequest : IUnknownFields
{
    public string? Reason { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
