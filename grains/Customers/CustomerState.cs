using HealthGrid.Customers.Scoring;

namespace HealthGrid.Customers;

/// <summary>
/// A customer grain's snapshot. Events newer than <see cref="AppliedSeq"/> are in the event log and
/// are replayed on activation; a snapshot is only written once the projections of every event it
/// covers are in the projection store.
/// </summary>
[GenerateSerializer, Alias("HealthGrid.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public CustomerProfile? Profile { get; set; }

    [Id(1)] public HealthState Health { get; set; } = new();

    [Id(2)] public long AppliedSeq { get; set; }

    [Id(3)] public long ProfileVersion { get; set; }
}
