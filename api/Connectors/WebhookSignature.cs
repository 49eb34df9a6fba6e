namespace HealthGrid.Api.Connectors;

/// <summary>What checking a connector request's signature found.</summary>
public enum WebhookSignature
{
    Valid,

    /// <summary>A signature header (or its timestamp) is absent.</summary>
    Missing,

    /// <summary>The signature does not match the body under the connector's secret.</summary>
    Invalid,

    /// <summary>The signature matches, but its timestamp is outside the connector's tolerance: a replay.</summary>
    Stale,
}
