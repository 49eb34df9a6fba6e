using HealthGrid.Accounts;
using HealthGrid.Alerts;
using HealthGrid.Cases;
using HealthGrid.Continuity;
using HealthGrid.Customers;
using HealthGrid.Ingest;
using HealthGrid.Projections;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;
using static HealthGrid.Tests.Domain.Model;

namespace HealthGrid.Tests.Domain;

public sealed class ScoreHistoryReaderTests
{
    [Fact]
    public async Task A_flush_during_the_read_loses_no_change()
    {
        var inner = new InMemoryProjectionStore(MsOptions.Create(new ProjectionOptions()));
        var store = new FlushesWhileReading(inner);
        var publisher = new ProjectionPublisher(store, null!, null!, MsOptions.Create(new ProjectionOptions()), NullLogger<ProjectionPublisher>.Instance);
        store.Publisher = publisher;
        publisher.Record(Change(1));
        publisher.Record(Change(2));

        var read = await new ScoreHistoryReader(store, publisher).ReadAsync("c-1", null, 10);

        Assert.Equal([2L, 1L], read.Select(c => c.Seq));
    }

    private static ScoreChange Change(long seq) => new()
    {
        Seq = seq, CustomerId = "c-1", EventId = $"e{seq}", Kind = InteractionKind.Survey, OccurredAt = T0,
        Before = 80, After = 79, BandBefore = HealthBand.Healthy, BandAfter = HealthBand.Healthy, Drivers = [],
    };

    /// <summary>Reads the stored history, then lets the publisher flush before answering: the worst moment for a reader.</summary>
    private sealed class FlushesWhileReading(InMemoryProjectionStore inner) : IProjectionStore
    {
        public ProjectionPublisher? Publisher { get; set; }

        public async Task<ScoreChange[]> GetScoreHistoryAsync(string customerId, long? before, int limit, CancellationToken cancellationToken)
        {
            var stored = await inner.GetScoreHistoryAsync(customerId, before, limit, cancellationToken);
            await Publisher!.FlushNowAsync();
            return stored;
        }

        public Task WriteAsync(ProjectionBatch batch, CancellationToken cancellationToken) => inner.WriteAsync(batch, cancellationToken);

        public Task UpsertAccountAsync(AccountProfile account, CancellationToken cancellationToken) => inner.UpsertAccountAsync(account, cancellationToken);

        public Task<CustomerPage> QueryCustomersAsync(CustomerQuery query, CancellationToken cancellationToken) => inner.QueryCustomersAsync(query, cancellationToken);

        public Task<CustomerSummary[]> GetAccountCustomersAsync(string accountId, CancellationToken cancellationToken) => inner.GetAccountCustomersAsync(accountId, cancellationToken);

        public Task<AccountProfile[]> ListAccountsAsync(CancellationToken cancellationToken) => inner.ListAccountsAsync(cancellationToken);

        public Task<CasePage> QueryCasesAsync(CaseQuery query, CancellationToken cancellationToken) => inner.QueryCasesAsync(query, cancellationToken);

        public Task<CaseView?> GetCaseAsync(string caseId, CancellationToken cancellationToken) => inner.GetCaseAsync(caseId, cancellationToken);

        public Task<AlertPage> QueryAlertsAsync(AlertQuery query, CancellationToken cancellationToken) => inner.QueryAlertsAsync(query, cancellationToken);

        public Task<Alert?> GetAlertAsync(string alertId, CancellationToken cancellationToken) => inner.GetAlertAsync(alertId, cancellationToken);

        public Task<decimal> TotalRevenueAsync(CancellationToken cancellationToken) => inner.TotalRevenueAsync(cancellationToken);

        public Task<BandCounts> CountBandsAsync(CancellationToken cancellationToken) => inner.CountBandsAsync(cancellationToken);

        public Task<string[]> GetDependentsAsync(IReadOnlyCollection<DisruptionNode> nodes, CancellationToken cancellationToken) => inner.GetDependentsAsync(nodes, cancellationToken);

        public Task<DependencyNodeView[]> ListDependencyNodesAsync(CancellationToken cancellationToken) => inner.ListDependencyNodesAsync(cancellationToken);
    }
}
