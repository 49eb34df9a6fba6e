using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Projections;
using HealthGrid.Grains.Projections;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Logging.Abstractions;
using static HealthGrid.Tests.Domain.Model;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace HealthGrid.Tests.Domain;

public sealed class ScoreHistoryReaderTests
{
    [Fact]
    public async Task A_flush_during_the_read_loses_no_change()
    {
        var inner = new InMemoryProjectionStore(MsOptions.Create(new ProjectionOptions()), new HealthGrid.Storage.Notifications.InMemoryNotificationStore());
        var store = new FlushesWhileReading(inner) { FlushWhileReading = true };
        var publisher = new ProjectionPublisher(store, null!, null!, null!, null!, null!, MsOptions.Create(new ProjectionOptions()), TimeProvider.System, NullLogger<ProjectionPublisher>.Instance);
        store.Publisher = publisher;
        publisher.Record(Change(1));
        publisher.Record(Change(2));

        var read = await new ScoreHistoryReader(store, publisher).ReadAsync("c-1", null, 10);

        Assert.Equal([2L, 1L], read.Select(c => c.Seq));
    }

    [Fact]
    public async Task A_read_while_a_flush_is_being_written_sees_the_changes_in_flight()
    {
        var inner = new InMemoryProjectionStore(MsOptions.Create(new ProjectionOptions()), new HealthGrid.Storage.Notifications.InMemoryNotificationStore());
        var store = new FlushesWhileReading(inner) { WriteHeld = new TaskCompletionSource() };
        var publisher = new ProjectionPublisher(store, null!, null!, null!, null!, null!, MsOptions.Create(new ProjectionOptions()), TimeProvider.System, NullLogger<ProjectionPublisher>.Instance);
        publisher.Record(Change(1));
        publisher.Record(Change(2));
        var reader = new ScoreHistoryReader(store, publisher);

        // The flush has taken the changes from the pending batch and is writing them: neither pending nor stored yet.
        var flush = publisher.PassAsync();
        await store.WriteStarted.Task;
        Assert.Equal([2L, 1L], (await reader.ReadAsync("c-1", null, 10)).Select(c => c.Seq));

        store.WriteHeld.SetResult();
        await flush;
        Assert.Equal([2L, 1L], (await reader.ReadAsync("c-1", null, 10)).Select(c => c.Seq));
    }

    private static ScoreChange Change(long seq) => new()
    {
        Seq = seq, CustomerId = "c-1", EventId = $"e{seq}", Kind = InteractionKind.Survey, OccurredAt = T0,
        Before = 80, After = 79, BandBefore = HealthBand.Healthy, BandAfter = HealthBand.Healthy, Drivers = [],
    };

    /// <summary>
    /// A store that makes the worst moments for a reader happen: the publisher flushes between reading the
    /// stored history and answering (<see cref="FlushWhileReading"/>), or a write is held in flight (<see cref="WriteHeld"/>).
    /// </summary>
    private sealed class FlushesWhileReading(InMemoryProjectionStore inner) : IProjectionStore
    {
        public ProjectionPublisher? Publisher { get; set; }

        public bool FlushWhileReading { get; init; }

        public TaskCompletionSource? WriteHeld { get; init; }

        public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<ScoreChange[]> GetScoreHistoryAsync(string customerId, long? before, int limit, CancellationToken cancellationToken)
        {
            var stored = await inner.GetScoreHistoryAsync(customerId, before, limit, cancellationToken);
            if (FlushWhileReading)
            {
                await Publisher!.PassAsync();
            }

            return stored;
        }

        public async Task WriteAsync(ProjectionBatch batch, CancellationToken cancellationToken)
        {
            WriteStarted.TrySetResult();
            if (WriteHeld is { } held)
            {
                await held.Task;
            }

            await inner.WriteAsync(batch, cancellationToken);
        }

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

        public Task<string[]> GetCustomersTrailingTheLogAsync(CancellationToken cancellationToken) => inner.GetCustomersTrailingTheLogAsync(cancellationToken);

        public Task<string[]> ListCustomerIdsAsync(CancellationToken cancellationToken) => inner.ListCustomerIdsAsync(cancellationToken);

        public Task<string[]> ListCustomersWithOpenCasesAsync(CancellationToken cancellationToken) => inner.ListCustomersWithOpenCasesAsync(cancellationToken);

        public Task<string[]> GetCustomersWithTimersBeforeAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken) => inner.GetCustomersWithTimersBeforeAsync(until, limit, cancellationToken);
    }
}
