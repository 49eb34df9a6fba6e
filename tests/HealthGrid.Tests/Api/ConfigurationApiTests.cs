using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The configuration API on a silo of its own per test (each test changes what the others would read):
/// versions seeded from healthgrid.json, conditional writes, errors by field with nothing applied,
/// history with its diff, rollback, and a policy change that moves an open case's deadline at once.
/// </summary>
public sealed class ConfigurationApiTests : IAsyncLifetime
{
    private InProcessSilo silo = null!;

    private HttpClient Http => silo.Http;

    public async Task InitializeAsync() => silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task Every_area_starts_at_version_1_from_the_file_and_the_metric_says_so()
    {
        var areas = await Http.GetJsonAsync<JsonArray>("/api/v1/config");
        Assert.Equal(["alerts", "connectors", "health-model", "notifications", "organisation", "privacy", "sla"], areas.Select(a => (string)a!["area"]!).Order());
        Assert.All(areas, a => Assert.Equal((1, "healthgrid.json"), ((long)a!["version"]!, (string)a["author"]!)));

        using var response = await Http.GetAsync("/api/v1/config/sla");
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);
        var sla = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("00:15:00", (string)sla["document"]!["policies"]![0]!["targets"]!["firstResponse"]!);

        var metrics = await Eventually.Until(() => Http.GetStringAsync("/metrics"), t => t.Contains("healthgrid_config_version{", StringComparison.Ordinal), what: "the configuration version metric");
        Assert.Matches("healthgrid_config_version\\{[^}]*area=\"sla\"[^}]*\\} 1\\b", metrics);
    }

    [Fact]
    public async Task A_policy_change_moves_an_open_case_deadline_at_once_and_is_recorded_with_its_diff()
    {
        var ticket = await OpenCaseAsync();
        var before = await FirstResponseDueAsync(ticket);

        var document = await DocumentAsync("sla");
        document["policies"]![0]!["targets"]!["firstResponse"] = "00:05:00";
        using var written = await PutAsync("sla", document, ifMatch: "\"1\"", reason: "first response in 5 minutes for critical accounts");
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal("\"2\"", written.Headers.ETag!.Tag);
        var result = (await written.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((true, 1, 1), ((bool)result["changed"]!, (int)result["appliedOn"]!, (int)result["silos"]!));

        // In force when the write answered: the same open case, ten minutes sooner.
        Assert.Equal(before - TimeSpan.FromMinutes(10), await FirstResponseDueAsync(ticket));

        var current = await Http.GetJsonAsync<JsonObject>("/api/v1/config/sla");
        Assert.Equal((2, TestAuth.Admin.Subject, "first response in 5 minutes for critical accounts"), ((long)current["version"]!, (string)current["author"]!, (string)current["reason"]!));
        var history = await Http.GetJsonAsync<JsonObject>("/api/v1/config/sla/history");
        var versions = history["items"]!.AsArray();
        Assert.Equal([2L, 1L], versions.Select(v => (long)v!["version"]!));
        var diff = versions[0]!["diff"]!.AsArray().Single()!;
        Assert.Equal(("replace", "/policies/0/targets/firstResponse", "00:05:00"), ((string)diff["op"]!, (string)diff["path"]!, (string)diff["value"]!));
        Assert.Equal("00:15:00", (string)(await Http.GetJsonAsync<JsonObject>("/api/v1/config/sla?version=1"))["document"]!["policies"]![0]!["targets"]!["firstResponse"]!);
    }

    [Fact]
    public async Task A_write_based_on_an_old_version_is_refused_with_412_and_changes_nothing()
    {
        var document = await DocumentAsync("alerts");
        document["healthDropPoints"] = 20;
        using (var first = await PutAsync("alerts", document, ifMatch: "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        document["healthDropPoints"] = 30;
        using var stale = await PutAsync("alerts", document, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("\"2\"", stale.Headers.ETag!.Tag);
        Assert.Equal(20, (int)(await DocumentAsync("alerts"))["healthDropPoints"]!);

        using var malformed = await PutAsync("alerts", document, ifMatch: "yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("If-Match", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_documents_are_refused_by_field_and_nothing_is_applied()
    {
        var ticket = await OpenCaseAsync();
        var before = await FirstResponseDueAsync(ticket);
        var document = await DocumentAsync("sla");
        document["policies"]![0]!["targets"]!["firstResponse"] = "00:00:00";
        document["policies"]![0]!["calendar"] = "nowhere";
        document["policies"]![1]!["deadline"] = "soon";
        document["calendars"]![0]!["timeZone"] = 42;

        using var response = await PutAsync("sla", document);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("document.policies[1].deadline", errors.Select(e => e.Key));
        Assert.Contains("document.calendars[0].timeZone", errors.Select(e => e.Key));

        // Shape errors come first; with the shape right, the validator's errors by field.
        document["policies"]![1]!.AsObject().Remove("deadline");
        document["calendars"]![0]!["timeZone"] = "Europe/Berlin";
        using var second = await PutAsync("sla", document);
        var semantic = (await second.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["document.policies[0].calendar", "document.policies[0].targets.firstResponse"], semantic.Select(e => e.Key).Order());

        Assert.Equal(1, (long)(await Http.GetJsonAsync<JsonObject>("/api/v1/config/sla"))["version"]!);
        Assert.Equal(before, await FirstResponseDueAsync(ticket));

        using var unknown = await PutAsync("no-such-area", new JsonObject());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_rollback_restores_the_earlier_document_as_a_new_version_and_its_behaviour()
    {
        var ticket = await OpenCaseAsync();
        var original = await FirstResponseDueAsync(ticket);
        var document = await DocumentAsync("sla");
        document["policies"]![0]!["targets"]!["firstResponse"] = "00:30:00";
        (await PutAsync("sla", document)).Dispose();
        Assert.Equal(original + TimeSpan.FromMinutes(15), await FirstResponseDueAsync(ticket));

        using var rolledBack = await Http.PostAsJsonAsync("/api/v1/config/sla/rollback/1", new { reason = "too lenient" });
        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        var version = (await rolledBack.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        Assert.Equal((3L, 1L, "too lenient"), ((long)version["version"]!, (long)version["restoredFrom"]!, (string)version["reason"]!));
        Assert.Equal(original, await FirstResponseDueAsync(ticket));

        using var again = await Http.PostAsJsonAsync("/api/v1/config/sla/rollback/1", new { });
        Assert.False((bool)(await again.Content.ReadFromJsonAsync<JsonObject>())!["changed"]!);
        using var missing = await Http.PostAsJsonAsync("/api/v1/config/sla/rollback/99", new { });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_preview_lists_the_deadline_that_would_move_and_changes_nothing()
    {
        var ticket = await OpenCaseAsync();
        var before = await FirstResponseDueAsync(ticket);
        var document = await DocumentAsync("sla");
        document["policies"]![0]!["targets"]!["firstResponse"] = "00:05:00";

        using var response = await Http.PostAsJsonAsync("/api/v1/config/sla/preview", new { document });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (long)preview["basedOnVersion"]!);
        var move = preview["effects"]!["deadlineMoves"]!.AsArray().Single(m => (string)m!["caseId"]! == ticket && (string)m["metric"]! == "first_response")!;
        Assert.Equal(-10, (double)move["movedByMinutes"]!);
        Assert.Equal(before, await FirstResponseDueAsync(ticket));
        Assert.Equal(1, (long)(await Http.GetJsonAsync<JsonObject>("/api/v1/config/sla"))["version"]!);

        document["policies"]![0]!["targets"]!["firstResponse"] = "later";
        using var invalid = await Http.PostAsJsonAsync("/api/v1/config/sla/preview", new { document });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("document.policies[0].targets.firstResponse", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> OpenCaseAsync()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var ticket = NewId("T");
        using var response = await Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return ticket;
    }

    private async Task<DateTimeOffset> FirstResponseDueAsync(string ticket)
    {
        var view = await Http.GetJsonAsync<JsonObject>($"/api/v1/cases/{ticket}");
        return (DateTimeOffset)view["clocks"]!.AsArray().Single(c => (string)c!["metric"]! == "first_response")!["dueAt"]!;
    }

    private async Task<JsonNode> DocumentAsync(string area) => (await Http.GetJsonAsync<JsonObject>($"/api/v1/config/{area}"))["document"]!.DeepClone();

    private Task<HttpResponseMessage> PutAsync(string area, JsonNode document, string? ifMatch = null, string? reason = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/config/{area}") { Content = JsonContent.Create(new { document, reason }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Http.SendAsync(request);
    }
}
