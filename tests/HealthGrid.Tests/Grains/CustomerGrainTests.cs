using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class CustomerGrainTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_profile_needs_an_existing_account()
    {
        var id = TestOrganisation.NewId("cust");
        var result = await Grains.GetGrain<ICustomerGrain>(id).UpsertProfileAsync(Ids.Customer(id, "acct-that-does-not-exist"));
        Assert.False(result.Succeeded);
        Assert.Equal("accountId", result.Field);
        Assert.Null(await Grains.GetGrain<ICustomerGrain>(id).GetViewAsync());
    }

    [Fact]
    public async Task Events_for_an_unknown_customer_are_rejected_naming_the_customer()
    {
        var id = TestOrganisation.NewId("ghost");
        var outcome = Assert.Single(await Grains.GetGrain<ICustomerGrain>(id).RecordInteractionsAsync([Ids.Event(id, InteractionKind.Survey)]));
        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Equal("customerId", outcome.Field);
    }

    [Fact]
    public async Task An_event_is_applied_once_and_a_repeat_is_a_duplicate()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        var before = (await grain.GetViewAsync())!.Health.Score;
        var survey = Ids.Event(customer, InteractionKind.Survey);

        var first = await grain.RecordInteractionsAsync([survey, survey]);
        var again = await grain.RecordInteractionsAsync([survey]);

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Duplicate], first.Select(o => o.Status));
        Assert.Equal(IngestStatus.Duplicate, again[0].Status);
        var view = (await grain.GetViewAsync())!;
        Assert.True(view.Health.Score < before);
        var change = Assert.Single(view.Health.RecentChanges);
        Assert.Equal(survey.EventId, change.EventId);
        Assert.Contains(change.Drivers, d => d.Component == HealthComponent.Satisfaction && d.Label.StartsWith("CSAT 1/5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_calls_for_one_customer_are_all_applied_in_one_ordered_history()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => grain.RecordInteractionsAsync([Ids.Event(customer, InteractionKind.Complaint)])));
        Assert.All(outcomes, o => Assert.Equal(IngestStatus.Accepted, o[0].Status));

        var history = (await grain.GetScoreHistoryAsync(null, 500))!;
        Assert.Equal(200, history.Items.Length);
        Assert.Equal(history.Items.Select(c => c.Seq).OrderDescending(), history.Items.Select(c => c.Seq));
    }

    [Fact]
    public async Task Score_history_pages_newest_first()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        foreach (var day in Enumerable.Range(0, 5))
        {
            await grain.RecordInteractionsAsync([Ids.Event(customer, InteractionKind.Payment, at: DateTimeOffset.UtcNow.AddDays(day - 5))]);
        }

        var first = (await grain.GetScoreHistoryAsync(null, 3))!;
        var second = (await grain.GetScoreHistoryAsync(first.NextBefore, 3))!;
        Assert.Equal(3, first.Items.Length);
        Assert.Equal(2, second.Items.Length);
        Assert.Null(second.NextBefore);
        Assert.True(first.Items[^1].Seq > second.Items[0].Seq);
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var grain = Grains.GetGrain<ICustomerGrain>(customer);
        await grain.RecordInteractionsAsync([Ids.Event(customer, InteractionKind.Complaint), Ids.Event(customer, InteractionKind.Survey)]);
        var before = (await grain.GetViewAsync())!;

        await fixture.Cluster.DeactivateAsync(grain);
        var after = (await grain.GetViewAsync())!;

        Assert.Equal(before.Health.Score, after.Health.Score, 1);
        Assert.Equivalent(before.Profile, after.Profile, strict: true);
    }

    [Fact]
    public async Task The_account_rolls_up_its_customers_and_forgets_one_that_moves()
    {
        var first = await Ids.AccountAsync(Grains);
        var second = await Ids.AccountAsync(Grains);
        var big = await Ids.CustomerAsync(Grains, first, revenue: 900);
        var small = await Ids.CustomerAsync(Grains, first, revenue: 100);
        await Grains.GetGrain<ICustomerGrain>(big).RecordInteractionsAsync([.. Enumerable.Range(0, 4).Select(_ => Ids.Event(big, InteractionKind.Complaint))]);

        // The summaries reach the account with the silo's next projection flush: run it now and wait for it.
        await fixture.Service<ProjectionPublisher>().FlushAsync();
        var account = (await Grains.GetGrain<IAccountGrain>(first).GetViewAsync())!;
        Assert.Equal((2, big), (account.Rollup.CustomerCount, account.Customers[0].Id));
        Assert.True(account.Customers[0].Health < 80);
        Assert.Equal(1000, account.Rollup.Revenue);
        var expected = ((double)(900 * (decimal)account.Customers[0].Health) + (100 * account.Customers[1].Health)) / 1000;
        Assert.Equal(expected, account.Rollup.Health, 0);

        await Grains.GetGrain<ICustomerGrain>(small).UpsertProfileAsync(Ids.Customer(small, second, 100));
        await fixture.Service<ProjectionPublisher>().FlushAsync();
        Assert.Equal(1, (await Grains.GetGrain<IAccountGrain>(first).GetViewAsync())!.Rollup.CustomerCount);
        Assert.Contains((await Grains.GetGrain<IAccountGrain>(second).GetViewAsync())!.Customers, c => c.Id == small);
    }
}
