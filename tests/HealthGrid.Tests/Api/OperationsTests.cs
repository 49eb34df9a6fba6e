using System.Net;
using System.Text.Json;
using HealthGrid.Tests.Infrastructure;

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
        Assert.Equal(("/api/v1/cases", "/api/v1/alerts"), (root.GetProperty("links").GetProperty("cases").GetString(), root.GetProperty("links").GetProperty("alerts").GetString()));
    }

    [Fact]
    public async Task Browsers_get_the_dashboard_at_the_root_and_the_banner_names_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await Http.SendAsync(request);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"app.js\"></script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/app.js")).StatusCode);

        await using var silo = await SiloProcess.StartEmbeddedAsync();
        await Eventually.Until(() => Task.FromResult(silo.Output), o => o.Contains("Dashboard:", StringComparison.Ordinal), what: "the startup banner");
        Assert.Contains($"Dashboard: http://127.0.0.1:{silo.HttpPort}/", silo.Output, StringComparison.Ordinal);
        Assert.Contains("sign in as a demo user", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_ingest_contract()
    {
        var document = await Http.GetJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/events", "/api/v1/events/batch", "/api/v1/customers/{id}", "/api/v1/customers/{id}/score-history", "/api/v1/accounts/{id}", "/api/v1/import",
            "/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/acknowledge", "/api/v1/cases/{id}/resolve",
            "/api/v1/alerts", "/api/v1/alerts/{id}", "/api/v1/alerts/{id}/acknowledge", "/api/v1/alerts/{id}/resolve" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("EventRequest", out var schema));
        Assert.True(schema.GetProperty("properties").TryGetProperty("occurredAt", out _));
    }
}
