using System.Net;
using System.Text;
using System.Text.Json;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Ingest;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class IngestTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    private async Task<string> NewCustomerAsync() => await CreateCustomerAsync(Http, await CreateAccountAsync(Http));

    private async Task<int> ChangesAsync(string customerId) =>
        (await Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customerId}/score-history?limit=500")).Items.Length;

    public static TheoryData<string> Kinds => new()
    {
        "ticket_opened", "ticket_updated", "ticket_resolved", "message", "survey", "complaint", "social_mention", "delivery", "payment", "usage",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_valid_event_of_every_kind_is_accepted_with_202(string kind)
    {
        var customer = await NewCustomerAsync();
        using var response = await Http.PostJsonAsync("/api/v1/events", ValidEvent(customer, kind));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(IngestStatus.Accepted, (await response.ReadAsync<EventAcknowledgement>()).Status);
    }

    [Fact]
    public async Task A_system_change_is_accepted_without_a_customer_and_listed()
    {
        var body = new Dictionary<string, object?>
        {
            ["eventId"] = NewId("chg"), ["occurredAt"] = At(DateTimeOffset.UtcNow), ["channel"] = "system", ["kind"] = "system_change",
            ["change"] = new { description = "Billing engine 4.2 released", product = "payments", region = "EU" },
        };
        using var response = await Http.PostJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var changes = await Http.GetJsonAsync<JsonElement>("/api/v1/system-changes?product=payments");
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("eventId").GetString() == (string)body["eventId"]!);
    }

    [Fact]
    public async Task A_repeated_event_id_is_acknowledged_again_as_duplicate_and_applied_once()
    {
        var customer = await NewCustomerAsync();
        var survey = Survey(customer, "csat", 1);
        using var first = await Http.PostJsonAsync("/api/v1/events", survey);
        using var second = await Http.PostJsonAsync("/api/v1/events", survey);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(IngestStatus.Duplicate, (await second.ReadAsync<EventAcknowledgement>()).Status);
        Assert.Equal(1, await ChangesAsync(customer));
    }

    public static TheoryData<string, string> InvalidEvents => new()
    {
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"chat","kind":"exploded"}""", "kind" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"pigeon","kind":"payment","payment":{"daysLate":0}}""", "channel" },
        { """{"customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":0}}""", "eventId" },
        { """{"eventId":"e1","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":0}}""", "customerId" },
        { """{"eventId":"e1","customerId":"c","channel":"system","kind":"payment","payment":{"daysLate":0}}""", "occurredAt" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"yesterday","channel":"system","kind":"payment","payment":{"daysLate":0}}""", "occurredAt" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2099-01-01T00:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":0}}""", "occurredAt" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"survey","kind":"survey","survey":{"type":"nps","score":11}}""", "survey.score" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"survey","kind":"survey","survey":{"type":"csat","score":0}}""", "survey.score" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"survey","kind":"survey","survey":{"type":"ces","score":8}}""", "survey.score" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"survey","kind":"survey","survey":{"type":"stars","score":3}}""", "survey.type" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"survey","kind":"survey","survey":{"type":"nps","score":"high"}}""", "survey.score" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"survey","kind":"survey"}""", "survey" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"chat","kind":"message","interactionId":"i1"}""", "text" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"chat","kind":"message","text":"hi"}""", "interactionId" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"email","kind":"complaint","complaint":{"code":"NOT-A-CODE","severity":"high"}}""", "complaint.code" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"field","kind":"delivery","delivery":{"onTime":false}}""", "delivery.delayHours" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":-1}}""", "payment.daysLate" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"usage","usage":{"activeUsers":5,"licensedUsers":0}}""", "usage.licensedUsers" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":1},"survey":{"type":"nps","score":3}}""", "survey" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":1},"journeyStage":"moon"}""", "journeyStage" },
        { """{"eventId":"e1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"system_change","change":{"description":"x"}}""", "customerId" },
        { """{"eventId":"e1","customerId":"c","occuredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":1}}""", "occuredAt" },
        { """{"eventId":"e 1","customerId":"c","occurredAt":"2026-11-24T10:00:00Z","channel":"system","kind":"payment","payment":{"daysLate":1}}""", "eventId" },
        { """{"eventId":"e1","customerId":"c", """, "body" },
        { """[1,2,3]""", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public async Task An_invalid_event_is_a_400_problem_naming_the_field_and_nothing_is_applied(string json, string field)
    {
        var customer = await NewCustomerAsync();
        json = json.Replace("\"customerId\":\"c\"", $"\"customerId\":\"{customer}\"", StringComparison.Ordinal)
            .Replace("2026-11-24T10:00:00Z", At(DateTimeOffset.UtcNow.AddMinutes(-1)), StringComparison.Ordinal);
        using var response = await Http.PostAsync("/api/v1/events", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<ValidationProblemDetails>();
        Assert.True(problem.Errors.ContainsKey(field), $"expected an error for '{field}', got: {string.Join(", ", problem.Errors.Keys)}");
        Assert.Equal(0, await ChangesAsync(customer));
    }

    [Fact]
    public async Task An_event_for_an_unknown_customer_is_a_400_naming_customerId()
    {
        using var response = await Http.PostJsonAsync("/api/v1/events", Survey(NewId("nobody"), "nps", 5));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("customerId", (await response.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_an_unsupported_media_type()
    {
        using var response = await Http.PostAsync("/api/v1/events", new StringContent("eventId=1", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Batch_events_are_independent_each_with_its_own_result()
    {
        var customer = await NewCustomerAsync();
        var good = Survey(customer, "nps", 3);
        var duplicate = good;
        var badScore = Survey(customer, "nps", 42);
        var unknownCustomer = Survey(NewId("nobody"), "nps", 3);
        var payload = $$"""{"events":[{{Json(good)}},{{Json(badScore)}},{"eventId":"x","kind":7},{{Json(duplicate)}},{{Json(unknownCustomer)}},{{Json(Complaint(customer))}}]}""";

        using var response = await Http.PostAsync("/api/v1/events/batch", new StringContent(payload, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<BatchResult>();

        Assert.Equal([IngestStatus.Accepted, IngestStatus.Rejected, IngestStatus.Rejected, IngestStatus.Duplicate, IngestStatus.Rejected, IngestStatus.Accepted],
            result.Results.Select(r => r.Status));
        Assert.Equal([0, 1, 2, 3, 4, 5], result.Results.Select(r => r.Index));
        Assert.Contains("survey.score", result.Results[1].Errors!.Keys);
        Assert.Contains("kind", result.Results[2].Errors!.Keys);
        Assert.Contains("customerId", result.Results[4].Errors!.Keys);
        Assert.Equal((2, 1, 3, 0), (result.Accepted, result.Duplicate, result.Rejected, result.Unavailable));
        Assert.Equal(2, await ChangesAsync(customer));
    }

    [Theory]
    [InlineData("""{"events":[]}""", "events")]
    [InlineData("""{"items":[]}""", "items")]
    [InlineData("""{"events":{}}""", "events")]
    [InlineData("""{"events":[""", "body")]
    public async Task A_batch_that_is_not_a_list_of_events_is_refused(string payload, string field)
    {
        using var response = await Http.PostAsync("/api/v1/events/batch", new StringContent(payload, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task A_batch_holds_at_most_1000_events()
    {
        var customer = await NewCustomerAsync();
        var events = Enumerable.Range(0, 1001).Select(_ => Survey(customer, "nps", 8)).ToList();
        using var tooMany = await Http.PostJsonAsync("/api/v1/events/batch", new { events });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);

        using var full = await Http.PostJsonAsync("/api/v1/events/batch", new { events = events.Take(1000) });
        Assert.Equal(1000, (await full.ReadAsync<BatchResult>()).Accepted);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, InProcessSilo.Json);

    private static Dictionary<string, object?> ValidEvent(string customer, string kind)
    {
        var e = new Dictionary<string, object?>
        {
            ["eventId"] = NewId("evt"), ["customerId"] = customer, ["occurredAt"] = At(DateTimeOffset.UtcNow), ["channel"] = "web", ["kind"] = kind,
        };
        switch (kind)
        {
            case "message":
                e["text"] = "Where is my order?";
                e["interactionId"] = NewId("conv");
                e["live"] = true;
                e["team"] = "team-emea";
                break;
            case "social_mention":
                e["text"] = "Great service!";
                e["social"] = new { platform = "linkedin" };
                break;
            case "survey":
                e["survey"] = new { type = "ces", score = 6, verbatim = "Easy enough" };
                break;
            case "complaint":
                e["complaint"] = new { code = "DLV-LATE", severity = "medium", text = "Late again" };
                break;
            case "delivery":
                e["delivery"] = new { onTime = false, delayHours = 12.5 };
                break;
            case "payment":
                e["payment"] = new { daysLate = 3 };
                break;
            case "usage":
                e["usage"] = new { activeUsers = 40, licensedUsers = 50 };
                break;
            default:
                e["ticket"] = new { ticketId = NewId("T"), severity = "high", category = "billing", text = "Invoice is wrong", slaBreached = kind == "ticket_updated" };
                break;
        }

        return e;
    }
}
