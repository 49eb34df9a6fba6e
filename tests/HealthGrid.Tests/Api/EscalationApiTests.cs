using System.Net;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Grains.Activity;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>Alerts raised by the organisation grains: complaint themes, change correlation, ownership gaps, account concentration.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class EscalationApiTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task Duplicate_charges_crossing_the_threshold_escalate_to_the_owner_naming_the_recent_release_then_to_leadership()
    {
        // A region of its own keeps this theme apart from every other test's complaints.
        var region = NewId("region");
        var account = await CreateAccountAsync(Http);
        var customers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            customers.Add(await CreateCustomerAsync(Http, account, region: region));
        }

        var release = new Dictionary<string, object?>
        {
            ["eventId"] = NewId("chg"), ["occurredAt"] = At(DateTimeOffset.UtcNow.AddHours(-3)), ["channel"] = "system", ["kind"] = "system_change",
            ["change"] = new { description = $"Billing engine release for {region}", product = "payments", region },
        };
        await PostAsync(release);

        // The shipped threshold for BILL-DUP: 10 in 60 minutes to the owner, 20 to leadership.
        await ComplainAsync(customers, 10);
        var theme = await AlertAsync(a => a.Type == AlertType.ThemeEscalation && a.Message.Contains(region, StringComparison.Ordinal), "owner:po-billing");
        Assert.Equal(("BILL-DUP", 10.0, AlertSeverity.High), (theme.Code, theme.Count!.Value, theme.Severity));
        Assert.Equal(["owner:po-billing"], theme.Audiences.Select(a => a.Group));
        Assert.Contains(theme.CandidateCauses, c => c.Description.Contains(region, StringComparison.Ordinal));
        var correlation = await AlertAsync(a => a.Type == AlertType.ChangeCorrelation && a.Message.Contains(region, StringComparison.Ordinal), "leadership");
        Assert.Contains(region, correlation.CandidateCauses.Single().Region, StringComparison.Ordinal);

        await ComplainAsync(customers, 10);
        var escalated = await AlertAsync(a => a.Id == theme.Id && a.Count >= 20, "leadership");
        Assert.Equal(AlertSeverity.Critical, escalated.Severity);
        Assert.Equal(["owner:po-billing", "leadership"], escalated.Audiences.Select(a => a.Group));

        var owner = await Http.GetJsonAsync<ProcessOwnerView>("/api/v1/process-owners/po-billing");
        Assert.True(owner.OpenEscalations >= 1);
        Assert.Contains(owner.Themes, t => t.Region == region && t.LastHour == 20);
    }

    [Fact]
    public async Task Back_filled_complaints_move_health_but_not_the_live_theme_counts()
    {
        var (old, fresh) = (NewId("region"), NewId("region"));
        var account = await CreateAccountAsync(Http);
        await PostAsync(Complaint(await CreateCustomerAsync(Http, account, region: old), at: DateTimeOffset.UtcNow.AddHours(-3)));
        await PostAsync(Complaint(await CreateCustomerAsync(Http, account, region: fresh)));

        var owner = await OwnerAfterTalliesAsync();
        Assert.Contains(owner.Themes, t => t.Region == fresh);
        Assert.DoesNotContain(owner.Themes, t => t.Region == old);
    }

    [Fact]
    public async Task A_complaint_for_a_process_nobody_owns_raises_an_ownership_gap_for_leadership()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        await PostAsync(Complaint(customer, code: "REN-PRICE"));

        var gap = await AlertAsync(a => a.Type == AlertType.OwnershipGap && a.Process == "renewals", "leadership");
        Assert.Equal("renewal", gap.JourneyStage);
        Assert.Contains("no accountable owner", gap.Message, StringComparison.Ordinal);
        var stage = await Http.GetJsonAsync<JourneyStageView>("/api/v1/journey-stages/renewal");
        Assert.True(stage.OpenEscalations >= 1);
    }

    [Fact]
    public async Task An_account_with_a_large_share_of_revenue_at_risk_alerts_its_manager_and_leadership()
    {
        var account = await CreateAccountAsync(Http);
        var customer = await CreateCustomerAsync(Http, account, revenue: 1_000_000_000_000);
        for (var i = 0; i < 6; i++)
        {
            await PostAsync(Survey(customer, "nps", 0));
            await PostAsync(Payment(customer, 90));
        }

        var alert = await AlertAsync(a => a.Type == AlertType.ConcentrationRisk && a.AccountId == account, $"account:{account}");
        Assert.Equal([$"account:{account}", "leadership"], alert.Audiences.Select(a => a.Group));
        Assert.True(alert.Count >= 10, $"share {alert.Count}%");
    }

    [Fact]
    public async Task Stage_and_owner_views_count_sla_outcomes_and_open_cases()
    {
        var before = await Http.GetJsonAsync<ProcessOwnerView>("/api/v1/process-owners/po-billing");
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var ticket = NewId("T");
        var opened = Ticket(customer, "ticket_opened", ticket);
        opened["ticket"] = new { ticketId = ticket, severity = "high", category = "BILL-WRONG", team = "billing-desk" };
        await PostAsync(opened);
        var open = await OwnerAfterTalliesAsync();
        Assert.True(open.Sla.Open > before.Sla.Open);

        await Http.PostJsonAsync($"/api/v1/cases/{ticket}/acknowledge", new { });

        var met = await OwnerAfterTalliesAsync();
        Assert.True(met.Sla.Met > open.Sla.Met);
        Assert.NotNull(met.Sla.Rate);
        var stage = await Http.GetJsonAsync<JourneyStageView>("/api/v1/journey-stages/support");
        Assert.True(stage.Sla.Met + stage.Sla.Breached + stage.Sla.Open > 0);
    }

    private async Task ComplainAsync(List<string> customers, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await PostAsync(Complaint(customers[i % customers.Count], severity: "medium"));
        }
    }

    /// <summary>
    /// The alert an audience was sent, once this server's tallies have reached the grains that raise
    /// theme, gap and correlation alerts (the aggregator's pass) and its customers' summaries the
    /// accounts that raise concentration alerts (the projection flush): both run now and are awaited.
    /// </summary>
    private async Task<Alert> AlertAsync(Func<Alert, bool> match, string audience)
    {
        await fixture.Silo.Service<ActivityAggregator>().RunNowAsync();
        await fixture.Silo.Service<ProjectionPublisher>().FlushAsync();
        var alerts = (await Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?audience={audience}&limit=500")).Items;
        return alerts.FirstOrDefault(match) ?? throw new Xunit.Sdk.XunitException($"No matching alert for {audience} among {alerts.Length}.");
    }

    /// <summary>The billing owner's view once this server's tallies have reached the owner's grain and its cases the case list.</summary>
    private async Task<ProcessOwnerView> OwnerAfterTalliesAsync()
    {
        await fixture.Silo.Service<ActivityAggregator>().RunNowAsync();
        await fixture.Silo.Service<ProjectionPublisher>().FlushAsync();
        return await Http.GetJsonAsync<ProcessOwnerView>("/api/v1/process-owners/po-billing");
    }

    private async Task PostAsync(Dictionary<string, object?> body)
    {
        using var response = await Http.PostJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
