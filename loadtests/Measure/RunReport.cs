
namespace HealthGrid.LoadTests.Measure;

/// <summary>One measured phase: a workload driven at a model and profile, with its results.</summary>
public sealed record PhaseResult(
    string Name,
    string Target,
    string Model,
    string Profile,
    double DurationSeconds,
    long Requests,
    long Items,
    string ItemUnit,
    double RequestsPerSecond,
    double ItemsPerSecond,
    long Errors,
    double ErrorRate,
    long LateSends,
    Dictionary<string, long> Statuses,
    Percentiles Latency,
    IReadOnlyList<SecondPoint> Series,
    IReadOnlyList<double[]> Spectrum,
    EndToEndResult? EndToEnd);

/// <summary>Event accepted → alert received at a dashboard client, and whether every expected alert came exactly once.</summary>
public sealed record EndToEndResult(string What, long Expected, long Received, long Missing, long Duplicates, Percentiles Latency);

/// <summary>A threshold and whether the run met it.</summary>
public sealed record ThresholdResult(string Threshold, double? Actual, bool Passed);

/// <summary>Everything a run produced: the phases (the baseline first when asked for), the thresholds, and the generator's own cost.</summary>
public sealed record RunReport(
    string Scenario,
    string CommandLine,
    DateTimeOffset StartedAt,
    string Machine,
    PhaseResult? Baseline,
    PhaseResult Result,
    double? ThroughputOfBaseline,
    IReadOnlyList<ThresholdResult> Thresholds,
    double GeneratorCpuPercent,
    bool Passed);
