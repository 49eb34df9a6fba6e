using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.SystemChanges;

namespace HealthGrid.GrainInterfaces.SystemChanges;

/// <summary>
/// The organisation's recent releases and configuration changes: candidate causes when complaints spike.
/// One activation (key <see cref="GlobalKey"/>); system changes arrive a few times a day, far from any hot path.
/// </summary>
[Alias("HealthGrid.ISystemChangeLogGrain")]
public interface ISystemChangeLogGrain : IGrainWithStringKey
{
    public const string GlobalKey = "global";

    [Alias("Record")]
    Task<IngestOutcome[]> RecordAsync(Interaction[] changes);

    /// <summary>Writes the state if it lacks events replayed from the log (retention drops the months it covers); true once written.</summary>
    [Alias("Save")]
    Task<bool> SaveAsync();

    /// <summary>Changes newest first, optionally only for a product, that occurred at or after <paramref name="since"/>.</summary>
    [Alias("GetRecent")]
    Task<SystemChangeRecord[]> GetRecentAsync(string? product, DateTimeOffset? since);
}
