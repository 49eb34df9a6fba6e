using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.Grains.Activity;
using HealthGrid.GrainInterfaces.Configuration;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Projections;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// The preview and the change are the same computation: on a fake clock, what a preview says a
/// document would do — deadlines that move, clocks that breach at once, bands that change — is what
/// applying it does. Each test restores the version it started from.
/// </summary>
[Collection(FakeTimeClusterCollection.Name)]
public sealed class ConfigurationPreviewTests(FakeTimeClusterFixture fixture)
{
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);

    private IGrainFactory Grains => fixture.Grains;

    private IConfigurationGrain Configuration => Grains.GetGrain<IConfigurationGrain>(0);

    [Fact]
    public async Task A_shorter_target_moves_the_deadline_and_breaches_at_once_exactly_as_previewed()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var ticket = TestOrganisation.NewId("T");
        var opened = fixture.Clock.GetUtcNow();
        await Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync([Ids.Ticket(customer, ticket, InteractionKind.TicketOpened, opened)]);
        for (var i = 0; i < 8; i++)
        {
            fixture.Clock.Advance(Min);
            await Grains.GetGrain<ICustomerGrain>(customer).GetAccountIdAsync();
        }

        // Eight minutes into a 15-minute first response, a 5-minute target has already passed.
        await ChangeAsync(ConfigurationAreaNames.Sla, d => d["policies"]![0]!["targets"]!["firstResponse"] = "00:05:00", async (document, apply) =>
        {
            var preview = await PreviewAsync(ConfigurationAreaNames.Sla, document);
            var move = Assert.Single(preview.Effects.DeadlineMoves, m => m.CaseId == ticket && m.Metric == SlaMetric.FirstResponse);
            Assert.Equal((opened + (15 * Min), opened + (5 * Min), -10.0), (move.From, move.To, move.MovedByMinutes));
            var breach = Assert.Single(preview.Effects.BreachesAtOnce, b => b.CaseId == ticket);
            Assert.Equal(SlaMetric.FirstResponse, breach.Metric);

            await apply();

            var view = (await Grains.GetGrain<ICustomerGrain>(customer).GetCaseAsync(ticket))!;
            var clock = view.Clocks.Single(c => c.Metric == SlaMetric.FirstResponse);
            Assert.Equal(breach.To, clock.BreachedAt);
            await fixture.Service<ProjectionPublisher>().FlushAsync();
            var raised = Assert.Single((await Grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(new AlertQuery { CaseId = ticket, Type = AlertType.SlaBreach })).Items);
            Assert.Equal(breach.To, raised.RaisedAt);
            Assert.NotNull(raised.LateBy);
        });
    }

    [Fact]
    public async Task Bands_change_for_exactly_the_customers_the_preview_names()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var before = (await Grains.GetGrain<ICustomerGrain>(customer).GetViewAsync())!.Health;

        // Raise both band limits above every score: every customer becomes critical.
        await ChangeAsync(ConfigurationAreaNames.HealthModel, d =>
        {
            d["bands"]!["atRiskBelow"] = 100;
            d["bands"]!["criticalBelow"] = 99.9;
        }, async (document, apply) =>
        {
            var preview = await PreviewAsync(ConfigurationAreaNames.HealthModel, document);
            var mine = Assert.Single(preview.Effects.BandChanges, b => b.CustomerId == customer);
            Assert.Equal((before.Band, HealthBand.Critical), (mine.FromBand, mine.ToBand));

            await apply();

            var after = (await Grains.GetGrain<ICustomerGrain>(customer).GetViewAsync())!.Health;
            Assert.Equal((mine.ToBand, mine.ToScore), (after.Band, Math.Round(after.Score, 1)));

            // Other tests' customers may still be firing timers that move their scores a little; their bands are as previewed.
            foreach (var change in preview.Effects.BandChanges)
            {
                Assert.Equal(change.ToBand, (await Grains.GetGrain<ICustomerGrain>(change.CustomerId).GetViewAsync())!.Health.Band);
            }
        });
    }

    [Fact]
    public async Task A_stage_left_without_an_owner_opens_the_ownership_gap_the_preview_named_and_restoring_closes_it()
    {
        // The billing stage sees events today.
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        await Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync([Ids.Event(customer, InteractionKind.Message, at: fixture.Clock.GetUtcNow()) with { JourneyStage = "billing" }]);
        await fixture.Service<ActivityAggregator>().RunNowAsync();
        var gapId = OwnershipGaps.StageGapId("billing");

        await ChangeAsync(ConfigurationAreaNames.Organisation, d => d["journeyStages"]!.AsArray().Single(s => (string)s!["id"]! == "billing")!["owner"] = "", async (document, apply) =>
        {
            var preview = await PreviewAsync(ConfigurationAreaNames.Organisation, document);
            var opening = Assert.Single(preview.Effects.AlertsOpening, a => a.Subject == "billing");
            Assert.Equal(AlertType.OwnershipGap, opening.Type);

            await apply();
            await fixture.Service<ProjectionPublisher>().FlushAsync();
            var gap = Assert.Single(await GapsAsync(gapId));
            Assert.Equal((AlertState.Raised, opening.Message), (gap.State, gap.Message));

            // The way back: restoring the owner is previewed as closing this very alert.
            var restoring = await PreviewAsync(ConfigurationAreaNames.Organisation, (await Configuration.HistoryAsync(ConfigurationAreaNames.Organisation, null, 2))![1].Document);
            Assert.Contains(restoring.Effects.AlertsClosing, a => a.AlertId == gapId);
        });

        await fixture.Service<ProjectionPublisher>().FlushAsync();
        Assert.Equal(AlertState.Resolved, Assert.Single(await GapsAsync(gapId)).State);
    }

    [Fact]
    public async Task A_lower_theme_threshold_opens_the_theme_escalation_the_preview_named()
    {
        var customer = await Ids.CustomerAsync(Grains, await Ids.AccountAsync(Grains));
        var now = fixture.Clock.GetUtcNow();
        await Grains.GetGrain<ICustomerGrain>(customer).RecordInteractionsAsync([.. Enumerable.Range(0, 3).Select(_ => Ids.Event(customer, InteractionKind.Complaint, at: now))]);
        await fixture.Service<ActivityAggregator>().RunNowAsync();

        // Three billing complaints within the hour: under the shipped threshold (10), over a threshold of 2.
        await ChangeAsync(ConfigurationAreaNames.Alerts, d => d["themesByCode"]!["BILL-DUP"]!["owner"] = 2, async (document, apply) =>
        {
            var preview = await PreviewAsync(ConfigurationAreaNames.Alerts, document);
            var opening = Assert.Single(preview.Effects.AlertsOpening, a => a.Subject == "po-billing" && a.Message.Contains("in EU for payments", StringComparison.Ordinal));
            Assert.Equal(AlertType.ThemeEscalation, opening.Type);

            await apply();
            await fixture.Service<ProjectionPublisher>().FlushAsync();
            var raised = (await Grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(new AlertQuery { Type = AlertType.ThemeEscalation, State = AlertState.Raised, Limit = 500 })).Items;
            Assert.Contains(raised, a => a.OwnerId == "po-billing" && a.Code == "BILL-DUP" && a.Message.Contains("EU", StringComparison.Ordinal));
        });
    }

    private async Task<Alert[]> GapsAsync(string id) =>
        [.. (await Grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(new AlertQuery { Type = AlertType.OwnershipGap, Limit = 500 })).Items.Where(a => a.Id == id)];

    /// <summary>Previews and applies an edited copy of an area's document in force, then restores the version it started from.</summary>
    private async Task ChangeAsync(string area, Action<JsonNode> edit, Func<string, Func<Task>, Task> check)
    {
        var before = (await Configuration.GetAsync(area, null))!;
        var document = JsonNode.Parse(before.Document)!;
        edit(document);
        var text = document.ToJsonString();
        try
        {
            await check(text, async () =>
            {
                var written = await Configuration.WriteAsync(new ConfigurationChange { Area = area, Document = text, Author = "test" });
                Assert.Equal((ConfigurationWriteOutcome.Written, written.Silos), (written.Outcome, written.AppliedOn));
            });
        }
        finally
        {
            await Configuration.WriteAsync(new ConfigurationChange { Area = area, RestoreVersion = before.Version, Author = "test" });
        }
    }

    private async Task<ConfigurationPreview> PreviewAsync(string area, string document)
    {
        var result = await Configuration.PreviewAsync(area, document);
        Assert.Empty(result.Errors);
        return result.Preview!;
    }

}
