using System.Text.Json;
using System.Text.RegularExpressions;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The Prometheus export, read from a silo in its own process: OpenTelemetry merges the same-named
/// meters of the silos other tests run in this process, so only a process of its own shows exactly its series.
/// </summary>
public sealed partial class MetricsTests
{
    /// <summary>Series that appear only in PostgreSQL mode or once a band changes; other tests cover them.</summary>
    private static readonly string[] Conditional =
    [
        "healthgrid_journal_commit_duration_milliseconds_bucket", "healthgrid_journal_failures_total", "healthgrid_band_changes_total",
        "healthgrid_sla_fire_delay_milliseconds_bucket",
    ];

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
        // The push is counted when the live broadcaster sends it, a moment after the breach fired: both are waited for.
        var text = await Eventually.Until(
            () => silo.Http.GetStringAsync("/metrics"),
            t => t.Contains(BreachDelay, StringComparison.Ordinal) && t.Contains("healthgrid_alerts_pushed_total", StringComparison.Ordinal),
            what: "the breach's fire delay and its push");
        Assert.Contains("severity=\"high\",type=\"sla_breach\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_series_of_the_grafana_dashboard_is_exported()
    {
        await using var silo = await SiloProcess.StartEmbeddedAsync();
        var customer = await TestOrganisation.CreateCustomerAsync(silo.Http, await TestOrganisation.CreateAccountAsync(silo.Http));
        (await silo.Http.PostJsonAsync("/api/v1/events", TestOrganisation.FrustratedLiveMessage(customer, "team-emea"))).EnsureSuccessStatusCode();
        await using var dashboard = await DashboardClient.ConnectAsync(silo.Http.BaseAddress!, TestAuth.Token(TestAuth.Admin));
        var expressions = Expressions(JsonDocument.Parse(await File.ReadAllTextAsync(GrafanaDashboard)).RootElement).ToList();
        var series = expressions.SelectMany(e => SeriesName().Matches(e).Select(m => m.Value)).Distinct().Except(Conditional).ToList();

        var text = await Eventually.Until(() => silo.Http.GetStringAsync("/metrics"), t => series.All(s => t.Contains(s + "{", StringComparison.Ordinal) || t.Contains(s + " ", StringComparison.Ordinal)),
            what: "every dashboard series");
        Assert.True(expressions.Count >= 15, $"only {expressions.Count} queries in the dashboard");
        Assert.NotEmpty(series);
        Assert.Contains("healthgrid_alerts_raised_total", text, StringComparison.Ordinal);
    }

    private static string GrafanaDashboard => Repository.PathOf("docs", "grafana", "healthgrid.json");

    private static IEnumerable<string> Expressions(JsonElement dashboard) =>
        dashboard.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("expr").GetString()!));

    /// <summary>Metric names in PromQL: the identifiers followed by a selector or a range.</summary>
    [GeneratedRegex(@"\b[a-z][a-z0-9_]*(?=\{|\[)")]
    private static partial Regex SeriesName();
}
