using System.Net;
using System.Text.Json;
using HealthGrid.Hubs;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace HealthGrid.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class OperationsTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task Liveness_and_readiness_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_root_links_the_live_surfaces()
    {
        var root = await Http.GetJsonAsync<JsonElement>("/");
        Assert.Equal("embedded", root.GetProperty("mode").GetString());
        Assert.Equal("/openapi/v1.json", root.GetProperty("links").GetProperty("openApi").GetString());
    }

    [Fact]
    public async Task Metrics_are_exported_for_prometheus_with_the_ingest_series()
    {
        var customer = await TestOrganisation.CreateCustomerAsync(Http, await TestOrganisation.CreateAccountAsync(Http));
        (await Http.PostJsonAsync("/api/v1/events", TestOrganisation.Survey(customer, "nps", 2))).EnsureSuccessStatusCode();
        var text = await Eventually.Until(() => Http.GetStringAsync("/metrics"), t => t.Contains("healthgrid_ingest_applied_duration", StringComparison.Ordinal), what: "the metrics export");
        foreach (var series in new[] { "healthgrid_events_received_total", "healthgrid_events_outcomes_total", "healthgrid_score_changes_total", "healthgrid_customers_active", "healthgrid_ingest_applied_duration_milliseconds_bucket" })
        {
            Assert.Contains(series, text, StringComparison.Ordinal);
        }

        Assert.Contains("outcome=\"accepted\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_ingest_contract()
    {
        var document = await Http.GetJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/events", "/api/v1/events/batch", "/api/v1/customers/{id}", "/api/v1/customers/{id}/score-history", "/api/v1/accounts/{id}", "/api/v1/import" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("EventRequest", out var schema));
        Assert.True(schema.GetProperty("properties").TryGetProperty("occurredAt", out _));
    }

    [Fact]
    public async Task A_signalr_client_connects_to_the_dashboard_hub()
    {
        var connected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(fixture.Silo.BaseAddress, DashboardHub.Path)).Build();
        connection.On<string>(nameof(IDashboardClient.Connected), server => connected.TrySetResult(server));
        await connection.StartAsync();
        Assert.False(string.IsNullOrEmpty(await connected.Task.WaitAsync(TimeSpan.FromSeconds(10))));
    }
}
