using HealthGrid.LoadTests.Load;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Cli;

/// <summary>Everything a scenario run was asked for, read from the command line.</summary>
public sealed record RunSettings
{
    public required string Scenario { get; init; }

    public required Uri Url { get; init; }

    public required Credentials Credentials { get; init; }

    public required LoadModel Model { get; init; }

    public required TimeSpan Duration { get; init; }

    public required TimeSpan Warmup { get; init; }

    public required int Customers { get; init; }

    public required int Accounts { get; init; }

    public required double Zipf { get; init; }

    public required int BatchSize { get; init; }

    public required EventMixKind Mix { get; init; }

    public required bool Baseline { get; init; }

    public required IReadOnlyList<Threshold> Thresholds { get; init; }

    public required string ReportFolder { get; init; }

    public required bool Quiet { get; init; }

    public required int Connections { get; init; }

    public CustomerChoice Choice => Zipf > 0 ? CustomerChoice.Zipf(Customers, Zipf) : CustomerChoice.Uniform(Customers);
}
