using HealthGrid.Domain.Audit;

namespace HealthGrid.GrainInterfaces.Audit;

/// <summary>Writes to and reads the audit log; a stateless worker on the silo that took the request (the log's own lock orders the chain).</summary>
[Alias("HealthGrid.IAuditGrain")]
public interface IAuditGrain : IGrainWithIntegerKey
{
    [Alias("Record")]
    Task RecordAsync(AuditRecord record);

    /// <summary>Records a change of a JSON document (<paramref name="before"/> null when it was created); the details are the RFC 6902 patch between them.</summary>
    [Alias("RecordChange")]
    Task RecordChangeAsync(AuditRecord record, string? before, string after);

    [Alias("Query")]
    Task<AuditPage> QueryAsync(AuditQuery query);
}
