using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Live;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.SystemChanges;

namespace HealthGrid.GrainInterfaces.Live;

/// <summary>
/// Live changes for dashboards, gathered by a silo's broadcaster and sent to every silo: alert changes
/// as they happen, customer and case changes as coalesced per projection flush, live conversations as
/// they move, continuity runs as they progress, process owners' theme statistics as they are tallied, account roll-ups as their customers move,
/// system changes as they are recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.LiveChanges")]
public sealed record LiveChanges
{
    [Id(0)] public Alert[] Alerts { get; init; } = [];

    [Id(1)] public CustomerUpdate[] Customers { get; init; } = [];

    [Id(2)] public CaseView[] Cases { get; init; } = [];

    [Id(3)] public LiveInteractionView[] Interactions { get; init; } = [];

    [Id(4)] public ContinuityRun[] Runs { get; init; } = [];

    [Id(5)] public ProcessOwnerView[] Owners { get; init; } = [];

    [Id(6)] public SystemChangeRecord[] SystemChanges { get; init; } = [];

    [Id(7)] public AccountUpdate[] Accounts { get; init; } = [];

    public bool IsEmpty => Count == 0;

    public int Count => Alerts.Length + Customers.Length + Cases.Length + Interactions.Length + Runs.Length + Owners.Length + SystemChanges.Length + Accounts.Length;

    /// <summary>Several batches as one, in order; of a continuity run only its newest progress counts.</summary>
    public static LiveChanges Merge(IReadOnlyList<LiveChanges> batches) => batches.Count == 1 ? batches[0] : new LiveChanges
    {
        Alerts = [.. batches.SelectMany(b => b.Alerts)],
        Customers = [.. batches.SelectMany(b => b.Customers)],
        Cases = [.. batches.SelectMany(b => b.Cases)],
        Interactions = [.. batches.SelectMany(b => b.Interactions)],
        Runs = [.. batches.SelectMany(b => b.Runs).GroupBy(r => r.Id).Select(g => g.Last())],
        Owners = [.. batches.SelectMany(b => b.Owners).GroupBy(o => o.Id).Select(g => g.Last())],
        SystemChanges = [.. batches.SelectMany(b => b.SystemChanges)],
        Accounts = [.. batches.SelectMany(b => b.Accounts).GroupBy(a => a.Id).Select(g => g.Last())],
    };
}
