using HealthGrid.Domain.Customers;
using HealthGrid.Grains.Hosting;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace HealthGrid.Tests.Postgres;

/// <summary>
/// Our SQL for the Orleans ADO.NET providers, exercised through the providers themselves: a silo in
/// PostgreSQL mode joins the cluster (membership), and its reminder table and grain storage honour
/// the contract: versions as ETags, conflicts refused, range reads across the hash ring.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProviderContractTests(PostgresServer server) : IAsyncLifetime
{
    private InProcessSilo silo = null!;

    public async Task InitializeAsync() => silo = await PostgresDatabase.StartSiloAsync(await PostgresDatabase.CreateMigratedAsync(server));

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task The_silo_is_an_active_member_of_its_cluster()
    {
        var membership = silo.App.Services.GetRequiredService<IMembershipTable>();
        var table = await membership.ReadAllAsync(CancellationToken.None);
        var (entry, _) = Assert.Single(table.Members);
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.True(table.Version.Version >= 2, "joining bumps the table version");
    }

    [Fact]
    public async Task Reminders_are_upserted_read_by_grain_and_by_hash_range_and_deleted_by_etag()
    {
        var reminders = silo.App.Services.GetRequiredService<IReminderTable>();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("test", $"reminder-{i}")).ToList();
        foreach (var grain in grains)
        {
            await reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "sla", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) });
        }

        var row = (await reminders.ReadRow(grains[0], "sla"))!;
        Assert.Equal(TimeSpan.FromMinutes(1), row.Period);
        var updatedEtag = (await reminders.UpsertRow(new ReminderEntry { GrainId = grains[0], ReminderName = "sla", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(2) }))!;
        Assert.NotEqual(row.ETag, updatedEtag);
        Assert.Single((await reminders.ReadRows(grains[0])).Reminders);

        // Split the ring at 0x80000000 so one half does not wrap in signed order and the other does.
        var lower = await reminders.ReadRows(0, 0x80000000);
        var upper = await reminders.ReadRows(0x80000000, 0);
        var all = await reminders.ReadRows(0, 0);
        Assert.Equal(grains.Count, all.Reminders.Count(r => r.GrainId.Type.ToString() == "test"));
        Assert.Equal(grains.Count, lower.Reminders.Concat(upper.Reminders).Count(r => r.GrainId.Type.ToString() == "test"));
        Assert.Empty(lower.Reminders.Select(r => r.GrainId).Intersect(upper.Reminders.Select(r => r.GrainId)));

        Assert.False(await reminders.RemoveRow(grains[0], "sla", row.ETag!), "a stale etag must not delete");
        Assert.True(await reminders.RemoveRow(grains[0], "sla", updatedEtag));
        Assert.Null(await reminders.ReadRow(grains[0], "sla"));
    }

    [Fact]
    public async Task Grain_storage_writes_with_etags_refuses_stale_writes_and_clears()
    {
        var storage = silo.App.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Customers);
        var id = GrainId.Create("customer", TestOrganisation.NewId("contract"));
        var state = new GrainState<CustomerState>(new CustomerState { AppliedSeq = 7 });

        await storage.WriteStateAsync("customer", id, state);
        var firstEtag = state.ETag;
        state.State!.AppliedSeq = 8;
        await storage.WriteStateAsync("customer", id, state);
        Assert.NotEqual(firstEtag, state.ETag);

        var read = new GrainState<CustomerState>();
        await storage.ReadStateAsync("customer", id, read);
        Assert.Equal(8, read.State!.AppliedSeq);
        Assert.True(read.RecordExists);

        var stale = new GrainState<CustomerState>(new CustomerState()) { ETag = firstEtag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("customer", id, stale));
        var duplicateInsert = new GrainState<CustomerState>(new CustomerState());
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("customer", id, duplicateInsert));

        await storage.ClearStateAsync("customer", id, read);
        var cleared = new GrainState<CustomerState>();
        await storage.ReadStateAsync("customer", id, cleared);
        Assert.False(cleared.RecordExists);
        Assert.Equal(0, cleared.State!.AppliedSeq);
    }
}
