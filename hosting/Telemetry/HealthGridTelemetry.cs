namespace HealthGrid.Hosting.Telemetry;

/// <summary>Names shared by every project that records HealthGrid's own metrics.</summary>
public static class HealthGridTelemetry
{
    /// <summary>The meter all HealthGrid instruments are created on; exported at /metrics.</summary>
    public const string MeterName = "HealthGrid";
}
