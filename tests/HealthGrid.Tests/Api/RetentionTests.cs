using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.Grains.Privacy;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// Retention in the embedded mode, on a fake clock: resolved cases and alerts go with their
/// notifications after their window and their ids are free again, open ones stay; conversation ids
/// are free again once the event window has passed since they were last used.
/// </summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Resolved_cases_and_alerts_go_after_their_window_and_their_ids_are_free_again()
    {
        var clock = new FakeTimeProvider(Start);
        await using var silo = await InProcessSilo.StartOnClockAsync(clock);
        var http = silo.Http;
        var account = await CreateAccountAsync(http);
        var a = await CreateCustomerAsync(http, account);
        var b = await CreateCustomerAsync(http, account);
        var resolved = NewId("T");
        var open = NewId("T");
        var conversation = NewId("conv");
        var at = clock.GetUtcNow() - TimeSpan.FromMinutes(2);
        var frustrated = FrustratedLiveMessage(a, "team-emea", conversation);
        frustrated["occurredAt"] = At(at);
        foreach (var e in new[]
        {
            Ticket(a, "ticket_opened", resolved, at: at), Ticket(a, "ticket_resolved", resolved, at: at + TimeSpan.FromMinutes(1)),
            Ticket(a, "ticket_opened", open, severity: "low", at: at), frustrated,
        })
        {
            (await http.PostJsonAsync("/api/v1/events", e)).EnsureSuccessStatusCode();
        }

        await silo.Service<ProjectionPublisher>().FlushAsync();
        var alert = (await http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={a}&type=frustration&limit=10")).Items.Single();
        (await http.PostJsonAsync($"/api/v1/alerts/{alert.Id}/resolve", new { })).EnsureSuccessStatusCode();
        await silo.Service<ProjectionPublisher>().FlushAsync();

        // A day short of two years: both resolved items are kept.
        clock.Advance(TimeSpan.FromDays(729));
        await silo.Service<RetentionLoop>().RunNowAsync();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/cases/{resolved}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/alerts/{alert.Id}")).StatusCode);

        clock.Advance(TimeSpan.FromDays(2));
        await silo.Service<RetentionLoop>().RunNowAsync();
        var report = silo.Service<RetentionLoop>().LastReport!;
        Assert.Equal((1L, 1L), (report.Cases, report.Alerts));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/cases/{resolved}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/v1/alerts/{alert.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/v1/cases/{open}")).StatusCode);

        // The purged case's id and the long-quiet conversation's are anyone's again; the open case's stays its owner's.
        var now = clock.GetUtcNow() - TimeSpan.FromMinutes(1);
        var reused = Message(b, "Hello", live: false, at: now);
        reused["interactionId"] = conversation;
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostJsonAsync("/api/v1/events", Ticket(b, "ticket_opened", resolved, at: now))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostJsonAsync("/api/v1/events", reused)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await http.PostJsonAsync("/api/v1/events", Ticket(b, "ticket_updated", open, at: now))).StatusCode);
    }

    [Fact]
    public async Task A_retention_setting_out_of_range_is_refused_by_field_and_nothing_changes()
    {
        await using var silo = await InProcessSilo.StartAsync();
        var document = (await silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/privacy"))["document"]!.DeepClone();
        Assert.Equal(13, (int)document["retention"]!["eventMonths"]!);
        document["retention"]!["textDays"] = -1;
        document["retention"]!["every"] = "00:00:01";

        using var response = await silo.Http.PutAsJsonAsync("/api/v1/config/privacy", new { document, reason = "shorter" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).Order();
        Assert.Equal(["document.retention.every", "document.retention.textDays"], errors);
        Assert.Equal(90, (int)(await silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/privacy"))["document"]!["retention"]!["textDays"]!);
    }
}
