using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Projections;
using HealthGrid.Storage.Projections;
using Microsoft.Extensions.Options;

namespace HealthGrid.Tests.Grains;

/// <summary>The projection publisher's flush interval runs on the silo's clock: a fake one decides when it writes.</summary>
[Collection(FakeTimeClusterCollection.Name)]
public sealed class ProjectionFlushTests(FakeTimeClusterFixture fixture)
{
    [Fact]
    public async Task A_change_is_written_when_the_flush_interval_has_passed_on_the_silo_clock_and_not_before()
    {
        var account = await Ids.AccountAsync(fixture.Grains);
        var customer = await Ids.CustomerAsync(fixture.Grains, account);
        var store = fixture.Service<IProjectionStore>();
        var publisher = fixture.Service<ProjectionPublisher>();
        var interval = fixture.Service<IOptions<ProjectionOptions>>().Value.FlushInterval;
        var before = await AppliedSeqAsync(store, account, customer);

        await fixture.Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync([Ids.Event(customer, InteractionKind.Complaint)]);
        Assert.Equal(before, await AppliedSeqAsync(store, account, customer));

        var pass = publisher.NextPassAsync();
        fixture.Clock.Advance(interval);
        await pass;
        Assert.True(await AppliedSeqAsync(store, account, customer) > before);
    }

    /// <summary>The stored directory row, read from the store itself: the directory grain would flush first.</summary>
    private static async Task<long> AppliedSeqAsync(IProjectionStore store, string account, string customer) =>
        (await store.GetAccountCustomersAsync(account, CancellationToken.None)).Single(c => c.Id == customer).AppliedSeq;
}
