namespace HealthGrid.Api.Continuity;

/// <summary>A scenario as <c>POST /api/v1/continuity/scenarios</c> takes it.</summary>
public sealed class ScenarioRequest
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>When the scenario starts (ISO 8601, not in the past); absent: whenever it is run.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    public List<DisruptionRequest>? Disruptions { get; set; }
}

/// <summary>One disruption: nodes down or degraded, from <c>offsetHours</c> after the start for <c>durationHours</c>.</summary>
public sealed class DisruptionRequest
{
    public List<NodeRequest>? Nodes { get; set; }

    /// <summary>Only customers in these regions; any when absent.</summary>
    public List<string>? Regions { get; set; }

    /// <summary>Only customers using one of these products; any when absent.</summary>
    public List<string>? Products { get; set; }

    /// <summary>Hours after the scenario's start (default 0).</summary>
    public double? OffsetHours { get; set; }

    public double? DurationHours { get; set; }

    /// <summary>outage (default) or degraded.</summary>
    public string? Mode { get; set; }

    /// <summary>Degraded mode: the capacity lost, 1-99 percent.</summary>
    public double? DegradedPercent { get; set; }
}

/// <summary>A process, site, supplier or journey stage, by id.</summary>
public sealed class NodeRequest
{
    /// <summary>process, site, supplier or journey_stage.</summary>
    public string? Type { get; set; }

    public string? Id { get; set; }
}
