using System.Text.Json;
using System.Text.Json.Serialization;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;

namespace HealthGrid.Api.Continuity;

/// <summary>A scenario as <c>POST /api/v1/continuity/scenarios</c> takes it.</summary>
public sealed record ScenarioRequest : IUnknownFields
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>When the scenario starts (ISO 8601, not in the past); absent: whenever it is run.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    public List<DisruptionRequest?>? Disruptions { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>One disruption: nodes down or degraded, from <c>offsetHours</c> after the start for <c>durationHours</c>.</summary>
public sealed record DisruptionRequest : IUnknownFields
{
    public List<NodeRequest?>? Nodes { get; init; }

    /// <summary>Only customers in these regions; any when absent.</summary>
    public List<string?>? Regions { get; init; }

    /// <summary>Only customers using one of these products; any when absent.</summary>
    public List<string?>? Products { get; init; }

    /// <summary>Hours after the scenario's start (default 0).</summary>
    public double? OffsetHours { get; init; }

    public double? DurationHours { get; init; }

    /// <summary>outage (default) or degraded.</summary>
    public Named<DisruptionMode> Mode { get; init; }

    /// <summary>Degraded mode: the capacity lost, 1-99 percent.</summary>
    public double? DegradedPercent { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}

/// <summary>A process, site, supplier or journey stage, by id.</summary>
public sealed record NodeRequest : IUnknownFields
{
    public Named<DependencyType> Type { get; init; }

    public string? Id { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
