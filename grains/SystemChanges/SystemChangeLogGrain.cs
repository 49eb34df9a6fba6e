using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.SystemChanges;
using HealthGrid.GrainInterfaces.SystemChanges;
using HealthGrid.Grains.Hosting;
using HealthGrid.Grains.Live;
using HealthGrid.Storage.Ingest;

namespace HealthGrid.Grains.SystemChanges;

/// <summary>
/// Recent system changes, journaled like every event (durable, idempotent) and kept for 90 days.
/// Changes are rare, so the state is written on every accepted batch.
/// </summary>
public sealed class SystemChangeLogGrain(
    [PersistentState("changes", StorageNames.Organisation)] IPersistentState<SystemChangeState> state,
    IEventJournal journal,
    LiveBroadcaster broadcaster,
    TimeProvider time) : Grain, ISystemChangeLogGrain
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(90);
    private const int MaxKept = 5_000;

    /// <summary>Whether events were replayed from the log since the state was last written.</summary>
    private bool unsaved;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await foreach (var entry in journal.ReadAsync(JournalStreams.SystemChanges, state.State.AppliedSeq, cancellationToken))
        {
            Apply(entry.Interaction, entry.Seq);
            unsaved = true;
        }
    }

    public async Task<bool> SaveAsync()
    {
        if (unsaved)
        {
            await state.WriteStateAsync();
            unsaved = false;
        }

        return true;
    }

    public async Task<IngestOutcome[]> RecordAsync(Interaction[] changes)
    {
        JournalAppendResult[] appended;
        try
        {
            appended = await journal.AppendAsync(JournalStreams.SystemChanges, changes);
        }
        catch (JournalUnavailableException)
        {
            DeactivateOnIdle();
            return [.. changes.Select(c => IngestOutcome.Unavailable(c.EventId))];
        }

        var outcomes = new IngestOutcome[changes.Length];
        for (var i = 0; i < changes.Length; i++)
        {
            if (appended[i].Accepted)
            {
                if (Apply(changes[i], appended[i].Seq) is { } recorded)
                {
                    broadcaster.Publish(recorded);
                }

                outcomes[i] = IngestOutcome.Accepted(changes[i].EventId);
            }
            else
            {
                outcomes[i] = IngestOutcome.Duplicate(changes[i].EventId);
            }
        }

        if (appended.Any(a => a.Accepted))
        {
            await state.WriteStateAsync();
            unsaved = false;
        }

        return outcomes;
    }

    public Task<SystemChangeRecord[]> GetRecentAsync(string? product, DateTimeOffset? since) =>
        Task.FromResult(state.State.Changes
            .Where(c => (product is null || string.Equals(c.Product, product, StringComparison.OrdinalIgnoreCase)) && (since is null || c.OccurredAt >= since))
            .OrderByDescending(c => c.OccurredAt)
            .ToArray());

    private SystemChangeRecord? Apply(Interaction e, long seq)
    {
        SystemChangeRecord? recorded = null;
        if (e.Change is { } change)
        {
            recorded = new SystemChangeRecord(e.EventId, change.ChangeId, change.Description, change.Product, change.Region, e.OccurredAt);
            state.State.Changes.Add(recorded);
        }

        state.State.AppliedSeq = Math.Max(state.State.AppliedSeq, seq);
        var cutoff = time.GetUtcNow() - Retention;
        state.State.Changes.RemoveAll(c => c.OccurredAt < cutoff);
        if (state.State.Changes.Count > MaxKept)
        {
            state.State.Changes.RemoveRange(0, state.State.Changes.Count - MaxKept);
        }

        return recorded;
    }
}
