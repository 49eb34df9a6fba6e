using System.ComponentModel.DataAnnotations;

namespace HealthGrid.Silo.Demo;

/// <summary>The demo organisation and its live traffic; bound from <c>HealthGrid:Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "HealthGrid:Demo";

    /// <summary>Load the demo organisation (default on in embedded mode, off in PostgreSQL mode).</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 1_000)]
    public int Accounts { get; set; } = 24;

    [Range(1, 10_000)]
    public int CustomersPerAccount { get; set; } = 25;

    /// <summary>Live demo events per second after loading (0: none).</summary>
    [Range(0, 10_000)]
    public double TrafficPerSecond { get; set; } = 4;

    /// <summary>Seed of the generator: the same seed gives the same organisation.</summary>
    public int Seed { get; set; } = 20261125;
}
