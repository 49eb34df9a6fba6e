using HealthGrid.Domain.Activity;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers.Scoring;

namespace HealthGrid.Domain.Customers;

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

    /// <summary>Open cases, and resolved ones for a while (closed cases leave).</summary>
    [Id(4)] public Dictionary<string, CaseState> Cases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>This customer's alerts that are not resolved yet.</summary>
    [Id(5)] public Dictionary<string, Alert> Alerts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Live conversations in progress, by interaction id.</summary>
    [Id(6)] public Dictionary<string, LiveInteraction> Live { get; set; } = new(StringComparer.Ordinal);

    [Id(7)] public DateTimeOffset? LastDropAlertAt { get; set; }

    /// <summary>Whether the SLA reminder is registered, so activations need not ask the reminder table.</summary>
    [Id(8)] public bool SlaReminder { get; set; }

    /// <summary>The alert of the customer's current fall out of the healthy band, while there is one.</summary>
    [Id(9)] public string? BandAlertId { get; set; }

    /// <summary>What the customer added to the stage and owner tallies in the last day: what its erasure takes back out.</summary>
    [Id(10)] public ActivityLedger Activity { get; set; } = new();

    /// <summary>The sources that fed this customer in the last 30 days, with the last receipt from each: the data behind its score.</summary>
    [Id(11)] public Dictionary<string, DateTimeOffset> Sources { get; set; } = new(StringComparer.Ordinal);
}
