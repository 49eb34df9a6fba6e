using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The Prometheus export, read from a silo in its own process: OpenTelemetry merges the same-named
/// meters of the silos other tests run in this process, so only a process of its own shows exactly its series.
/// </summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_are_exported_for_prometheus_with_the_ingest_series()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var customer = await TestOrganisation.CreateCustomerAsync(silo.Http, await TestOrganisation.CreateAccountAsync(silo.Http));
        (await silo.Http.PostJsonAsync("/api/v1/events", TestOrganisation.Survey(customer, "nps", 2))).EnsureSuccessStatusCode();
        var text = await Eventually.Until(() => silo.Http.GetStringAsync("/metrics"), t => t.Contains("healthgrid_ingest_applied_duration", StringComparison.Ordinal), what: "the metrics export");
        foreach (var series in new[] { "healthgrid_events_received_total", "healthgrid_events_outcomes_total", "healthgrid_score_changes_total", "healthgrid_customers_active", "healthgrid_ingest_applied_duration_milliseconds_bucket" })
        {
            Assert.Contains(series, text, StringComparison.Ordinal);
        }

        Assert.Contains("outcome=\"accepted\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sla_fire_delays_and_alerts_are_exported_as_metrics()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var customer = await TestOrganisation.CreateCustomerAsync(silo.Http, await TestOrganisation.CreateAccountAsync(silo.Http));
        var ticket = TestOrganisation.Ticket(customer, "ticket_opened", TestOrganisation.NewId("T"), at: DateTimeOffset.UtcNow.AddMinutes(-20));
        (await silo.Http.PostJsonAsync("/api/v1/events", ticket)).EnsureSuccessStatusCode();
        const string BreachDelay = "healthgrid_sla_fire_delay_milliseconds_bucket{otel_scope_name=\"HealthGrid\",kind=\"breach\",overdue=\"true\"";
        var text = await Eventually.Until(() => silo.Http.GetStringAsync("/metrics"), t => t.Contains(BreachDelay, StringComparison.Ordinal), what: "the breach's fire delay");
        Assert.Contains("severity=\"high\",type=\"sla_breach\"", text, StringComparison.Ordinal);
        Assert.Contains("healthgrid_alerts_pushed_total", text, StringComparison.Ordinal);
    }
}
