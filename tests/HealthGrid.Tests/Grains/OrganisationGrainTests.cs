using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.GrainInterfaces.SystemChanges;
using HealthGrid.Grains.Activity;

namespace HealthGrid.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class OrganisationGrainTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task Journey_stages_and_process_owners_receive_the_events_routed_to_them()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var billing = (await Grains.GetGrain<IJourneyStageGrain>("billing").GetViewAsync())!;
        var owner = (await Grains.GetGrain<IProcessOwnerGrain>("po-billing").GetViewAsync())!;

        await Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync([Ids.Event(customer, InteractionKind.Complaint), Ids.Event(customer, InteractionKind.Complaint)]);

        // The tallies leave the silo with the aggregator's next pass: run it now and wait for it.
        await fixture.Service<ActivityAggregator>().RunNowAsync();
        var stage = (await Grains.GetGrain<IJourneyStageGrain>("billing").GetViewAsync())!;
        Assert.True(stage.VolumeLast24Hours >= billing.VolumeLast24Hours + 2);
        Assert.NotNull(stage.Sentiment);
        var themes = (await Grains.GetGrain<IProcessOwnerGrain>("po-billing").GetViewAsync())!;
        Assert.True(themes.ComplaintsLast24Hours >= owner.ComplaintsLast24Hours + 2);
        Assert.Contains(themes.Themes, t => t.Code == "BILL-DUP" && t.Region == "EU" && t.Product == "payments");
        Assert.Equal(["billing"], themes.Processes);
    }

    [Fact]
    public async Task Back_filled_events_count_in_the_hour_they_happened_once_and_only_within_the_day()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var stage = Grains.GetGrain<IJourneyStageGrain>("renewal");
        var fiveHoursAgo = DateTimeOffset.UtcNow.AddHours(-5);
        var hour = new DateTimeOffset(fiveHoursAgo.Year, fiveHoursAgo.Month, fiveHoursAgo.Day, fiveHoursAgo.Hour, 0, 0, TimeSpan.Zero);
        var before = (await stage.GetViewAsync())!;
        Interaction Past(DateTimeOffset at) => Ids.Event(customer, InteractionKind.Message, at: at) with { JourneyStage = "renewal" };
        var backFilled = new[] { Past(fiveHoursAgo), Past(fiveHoursAgo.AddSeconds(1)), Past(DateTimeOffset.UtcNow.AddDays(-2)) };

        await Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync(backFilled);
        await Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync(backFilled); // a client's retry: duplicates
        await fixture.Service<ActivityAggregator>().RunNowAsync();

        var after = (await stage.GetViewAsync())!;
        Assert.Equal(before.VolumeLast24Hours + 2, after.VolumeLast24Hours);
        Assert.Equal(before.VolumeLastHour, after.VolumeLastHour);
        Assert.Equal((before.Hours.SingleOrDefault(h => h.Hour == hour)?.Volume ?? 0) + 2, after.Hours.Single(h => h.Hour == hour).Volume);
    }

    [Fact]
    public async Task Unconfigured_stages_and_owners_have_no_view()
    {
        Assert.Null(await Grains.GetGrain<IJourneyStageGrain>("no-such-stage").GetViewAsync());
        Assert.Null(await Grains.GetGrain<IProcessOwnerGrain>("no-such-owner").GetViewAsync());
        Assert.Null((await Grains.GetGrain<IJourneyStageGrain>("renewal").GetViewAsync())!.Owner);
    }

    [Fact]
    public async Task System_changes_are_kept_once_and_listed_newest_first()
    {
        var log = Grains.GetGrain<ISystemChangeLogGrain>(ISystemChangeLogGrain.GlobalKey);
        var older = Ids.Event("", InteractionKind.SystemChange, at: DateTimeOffset.UtcNow.AddHours(-2));
        var newer = Ids.Event("", InteractionKind.SystemChange) with { Change = new SystemChangeDetails("chg-2", "Invoice template updated", "billing-suite", null) };
        var outcomes = await log.RecordAsync([older, newer, older]);
        Assert.Equal([IngestStatus.Accepted, IngestStatus.Accepted, IngestStatus.Duplicate], outcomes.Select(o => o.Status));

        var recent = await log.GetRecentAsync(null, DateTimeOffset.UtcNow.AddHours(-3));
        Assert.Equal(newer.EventId, recent.First(c => c.EventId == newer.EventId || c.EventId == older.EventId).EventId);
        Assert.Single(await log.GetRecentAsync("billing-suite", DateTimeOffset.UtcNow.AddMinutes(-1)), c => c.EventId == newer.EventId);
    }
}
