using HealthGrid.Domain.Audit;
using HealthGrid.GrainInterfaces.Audit;
using HealthGrid.Grains.Configuration;
using HealthGrid.Storage.Audit;
using Orleans.Concurrency;

namespace HealthGrid.Grains.Audit;

[StatelessWorker]
public sealed class AuditGrain(IAuditLog log) : Grain, IAuditGrain
{
    public Task RecordAsync(AuditRecord record) => log.AppendAsync([record], CancellationToken.None);

    public Task RecordChangeAsync(AuditRecord record, string? before, string after) =>
        log.AppendAsync([record with { Details = ConfigurationDiff.Between(before ?? "{}", after) }], CancellationToken.None);

    public Task<AuditPage> QueryAsync(AuditQuery query) => log.QueryAsync(query, CancellationToken.None);
}
