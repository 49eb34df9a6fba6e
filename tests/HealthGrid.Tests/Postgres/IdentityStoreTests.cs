using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Ingest;
using HealthGrid.Storage.Identity;
using HealthGrid.Tests.Infrastructure;
using Npgsql;

namespace HealthGrid.Tests.Postgres;

/// <summary>The identity store's contract in both modes: one customer per identifier, lookups, and parked events paged oldest first by identifier.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IdentityStoreTests(PostgresServer server)
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task An_identifier_maps_to_one_customer_and_lookups_find_only_mapped_ones(string mode)
    {
        var (store, cleanup) = await OpenAsync(mode);
        await using var _ = cleanup;
        var org = new IdentityRef("zendesk-org:eu", "123");

        Assert.Equal(IdentityMapResult.New, await store.MapAsync(new IdentityMapping(org, "c-1", At, "admin"), CancellationToken.None));
        Assert.Equal(IdentityMapResult.Unchanged, await store.MapAsync(new IdentityMapping(org, "c-1", At, "admin"), CancellationToken.None));
        Assert.Equal("c-1", (await store.MapAsync(new IdentityMapping(org, "c-2", At, "admin"), CancellationToken.None)).Owner);

        var found = await store.LookupAsync([org, new IdentityRef("email-domain", "acme.example")], CancellationToken.None);
        Assert.Equal("c-1", Assert.Single(found).Value);
        Assert.Equal(1, (await store.ListAsync("c-1", null, 0, 10, CancellationToken.None)).Total);
        Assert.True(await store.UnmapAsync(org, CancellationToken.None));
        Assert.Empty(await store.LookupAsync([org], CancellationToken.None));
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("postgres")]
    public async Task Parked_events_are_found_by_identifier_page_after_page_and_leave_when_unparked(string mode)
    {
        var (store, cleanup) = await OpenAsync(mode);
        await using var _ = cleanup;
        var wanted = new IdentityRef("crm-account", "A-1");
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await store.ParkAsync(Parked($"e-{i}", i, i % 2 == 0 ? [wanted] : [new IdentityRef("crm-account", "B-2")]), CancellationToken.None));
        }

        Assert.False(await store.ParkAsync(Parked("e-0", 0, [wanted]), CancellationToken.None));
        var first = await store.ParkedWithAsync(wanted, null, 2, CancellationToken.None);
        var second = await store.ParkedWithAsync(wanted, first[^1], 2, CancellationToken.None);
        Assert.Equal(["e-0", "e-2", "e-4"], first.Concat(second).Select(p => p.Event.EventId));
        Assert.Equal([wanted], first[0].Refs);
        Assert.Equal(5, (await store.ListParkedAsync("zendesk:eu", 0, 10, CancellationToken.None)).Total);

        Assert.Equal(2, await store.UnparkAsync(["e-0", "e-2", "nothing"], CancellationToken.None));
        Assert.Equal(["e-1", "e-3", "e-4"], (await store.ListParkedAsync(null, 0, 10, CancellationToken.None)).Items.Select(p => p.Event.EventId));
    }

    private static ParkedEvent Parked(string eventId, int minute, IdentityRef[] refs) => new(
        new Interaction
        {
            EventId = eventId,
            OccurredAt = At,
            ReceivedAt = At,
            Channel = Channel.Survey,
            Kind = InteractionKind.Survey,
            Survey = new SurveyDetails(SurveyType.Nps, 9, "fine"),
        },
        "zendesk:eu",
        refs,
        "no customer is mapped",
        At.AddMinutes(minute));

    private async Task<(IIdentityStore Store, IAsyncDisposable Cleanup)> OpenAsync(string mode)
    {
        if (mode == "memory")
        {
            return (new InMemoryIdentityStore(), new Nothing());
        }

        var source = NpgsqlDataSource.Create(await PostgresDatabase.CreateMigratedAsync(server));
        return (new PostgresIdentityStore(source), source);
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
