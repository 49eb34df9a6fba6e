using System.Diagnostics.Metrics;
using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers;
using HealthGrid.Hosting.Telemetry;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class AlertApiTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    private async Task<(string Customer, Alert Alert)> FrustrationAsync(string team)
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        using var response = await Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(customer, team));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var page = await Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?audience=team:{team}");
        return (customer, Assert.Single(page.Items));
    }

    [Fact]
    public async Task A_frustrated_live_message_is_listed_for_its_team_with_the_customer_and_cues()
    {
        var team = NewId("team");
        var (customer, alert) = await FrustrationAsync(team);

        Assert.Equal((AlertType.Frustration, AlertState.Raised, customer, team), (alert.Type, alert.State, alert.CustomerId, alert.Team));
        Assert.Equal(Tier.Gold, alert.CustomerTier);
        Assert.NotNull(alert.CustomerHealth);
        Assert.NotEmpty(alert.Cues);
        Assert.Equal(alert, await Http.GetJsonAsync<Alert>($"/api/v1/alerts/{alert.Id}"), AlertComparer.Instance);
        Assert.Empty((await Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?audience=team:{NewId("team")}")).Items);
    }

    [Fact]
    public async Task Acknowledging_and_resolving_an_alert_moves_it_forward_only()
    {
        var (customer, alert) = await FrustrationAsync(NewId("team"));

        using var supervisor1 = fixture.Silo.ClientAs(new("sup-1", "Supervisor 1", [HealthGridRoles.Admin]));
        using var supervisor2 = fixture.Silo.ClientAs(new("sup-2", "Supervisor 2", [HealthGridRoles.Admin]));
        using var acknowledged = await supervisor1.PostJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { by = "sup-1" });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        var afterAck = await acknowledged.ReadAsync<Alert>();
        Assert.Equal((AlertState.Acknowledged, "sup-1"), (afterAck.State, afterAck.AcknowledgedBy));
        Assert.Equal(AlertState.Acknowledged, (await Http.GetJsonAsync<Alert>($"/api/v1/alerts/{alert.Id}")).State);

        using var twice = await supervisor2.PostJsonAsync($"/api/v1/alerts/{alert.Id}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("sup-1", (await Http.GetJsonAsync<Alert>($"/api/v1/alerts/{alert.Id}")).AcknowledgedBy);

        using var resolved = await supervisor2.PostAsync($"/api/v1/alerts/{alert.Id}/resolve", null);
        Assert.Equal(AlertState.Resolved, (await resolved.ReadAsync<Alert>()).State);
        var listed = await Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={customer}&state=resolved");
        Assert.Equal((alert.Id, "sup-1", "sup-2"), (listed.Items.Single().Id, listed.Items.Single().AcknowledgedBy, listed.Items.Single().ResolvedBy));
        Assert.Empty((await Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={customer}&state=raised")).Items);
    }

    [Fact]
    public async Task Resolving_a_case_resolves_its_alerts()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var ticket = NewId("T");
        using var fired = new MetricCollector<double>(fixture.Silo.Service<IMeterFactory>(), HealthGridTelemetry.MeterName, "healthgrid.sla.fire.delay");
        await Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket, at: DateTimeOffset.UtcNow.AddMinutes(-20)));

        // Opened 20 minutes ago under a 15-minute first response: the breach fires on the customer's timer as
        // soon as the case is active. Each timer fired on this silo is a fire-delay measurement: look again after each.
        Alert? breach = null;
        for (var firings = 1; breach is null; firings++)
        {
            await fired.WaitForMeasurementsAsync(firings, TimeSpan.FromSeconds(15));
            breach = (await Http.GetJsonAsync<AlertPage>($"/api/v1/alerts?caseId={ticket}&type=sla_breach")).Items.SingleOrDefault();
        }

        Assert.Equal(SlaMetric.FirstResponse, breach.Metric);

        await Http.PostJsonAsync($"/api/v1/cases/{ticket}/resolve", new { });

        var after = await Http.GetJsonAsync<Alert>($"/api/v1/alerts/{breach.Id}");
        Assert.Equal((AlertState.Resolved, TestAuth.Admin.Subject), (after.State, after.ResolvedBy));
    }

    [Fact]
    public async Task Unknown_alerts_are_404_and_bad_filters_name_the_field()
    {
        using var missing = await Http.GetAsync("/api/v1/alerts/no-such-alert");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingAction = await Http.PostJsonAsync("/api/v1/alerts/no-such-alert/acknowledge", new { });
        Assert.Equal(HttpStatusCode.NotFound, missingAction.StatusCode);

        using var bad = await Http.GetAsync("/api/v1/alerts?audience=planet:mars&state=open&type=fire");
        var errors = (await bad.ReadAsync<ValidationProblemDetails>()).Errors;
        Assert.True(errors.ContainsKey("audience") && errors.ContainsKey("state") && errors.ContainsKey("type"));
    }

    /// <summary>Alerts carry arrays; equal means the same values.</summary>
    private sealed class AlertComparer : IEqualityComparer<Alert>
    {
        public static readonly AlertComparer Instance = new();

        public bool Equals(Alert? x, Alert? y) =>
            System.Text.Json.JsonSerializer.Serialize(x, InProcessSilo.Json) == System.Text.Json.JsonSerializer.Serialize(y, InProcessSilo.Json);

        public int GetHashCode(Alert obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
