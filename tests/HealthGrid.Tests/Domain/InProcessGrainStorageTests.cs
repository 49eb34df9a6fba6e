using HealthGrid.Domain.Customers;
using HealthGrid.Grains.Hosting;
using Orleans.Storage;

namespace HealthGrid.Tests.Domain;

public sealed class InProcessGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("customer", "c-1");

    [Fact]
    public async Task A_later_activation_reads_the_state_object_itself_not_a_copy()
    {
        var storage = new InProcessGrainStorage();
        var live = new CustomerState { AppliedSeq = 7 };
        var first = State(live);
        await storage.WriteStateAsync("customer", Grain, first);

        // The live activation goes on changing its state after the write; the next one continues from there.
        live.AppliedSeq = 9;
        var second = State(new CustomerState());
        await storage.ReadStateAsync("customer", Grain, second);

        Assert.Same(live, second.State);
        Assert.True(second.RecordExists);
        Assert.Equal(first.ETag, second.ETag);
    }

    [Fact]
    public async Task A_writer_holding_an_old_etag_is_refused_and_clearing_forgets_the_state()
    {
        var storage = new InProcessGrainStorage();
        var first = State(new CustomerState());
        var stale = State(new CustomerState());
        await storage.WriteStateAsync("customer", Grain, first);
        await storage.ReadStateAsync("customer", Grain, stale);
        await storage.WriteStateAsync("customer", Grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("customer", Grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("customer", Grain, State(new CustomerState())));

        await storage.ClearStateAsync("customer", Grain, first);
        var after = State(new CustomerState());
        await storage.ReadStateAsync("customer", Grain, after);
        Assert.False(after.RecordExists);
        Assert.Null(after.ETag);
    }

    private static GrainState<CustomerState> State(CustomerState state) => new(state);
}
