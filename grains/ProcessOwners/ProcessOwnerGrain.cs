using HealthGrid.Configuration;
using HealthGrid.Customers;
using HealthGrid.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGrid.ProcessOwners;

/// <summary>A process owner and the complaint themes routed to them by categorization code.</summary>
public sealed class ProcessOwnerGrain(
    [PersistentState("owner", StorageNames.Organisation)] IPersistentState<ProcessOwnerState> state,
    CurrentOrganisation organisation,
    IOptions<SnapshotOptions> snapshots,
    TimeProvider time) : PeriodicallySavedGrain<ProcessOwnerState>(state, snapshots), IProcessOwnerGrain
{
    public Task RecordThemesAsync(ThemeActivity activity)
    {
        ThemeStatistics.Add(State.Buckets, activity);
        Changed();
        return Task.CompletedTask;
    }

    public Task<ProcessOwnerView?> GetViewAsync()
    {
        var id = this.GetPrimaryKeyString();
        var index = organisation.Index;
        return Task.FromResult(index.Owner(id) is { } owner
            ? ThemeStatistics.View(owner, index.ProcessesOwnedBy(id), State.Buckets, time.GetUtcNow())
            : null);
    }
}
