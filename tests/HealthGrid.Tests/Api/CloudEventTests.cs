using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Customers;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// CloudEvents 1.0 over HTTP on <c>POST /api/v1/events</c>, in structured, batch and binary mode: mapped
/// onto the event contract, validated like any event, answered the same way, and applied once per
/// source + id.
/// </summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class CloudEventTests(EmbeddedSiloFixture fixture)
{
    private const string Structured = "application/cloudevents+json";
    private const string Batch = "application/cloudevents-batch+json";

    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task A_structured_cloudevent_is_applied_once_per_source_and_id()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var id = NewId("ce");
        var survey = Survey(customer, "crm://acme/surveys", id, score: 1);

        using var first = await PostAsync(Structured, survey);
        using var again = await PostAsync(Structured, survey);
        using var otherSource = await PostAsync(Structured, Survey(customer, "crm://acme/other", id, score: 1));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(("accepted", "duplicate", "accepted"), (await StatusAsync(first), await StatusAsync(again), await StatusAsync(otherSource)));
        var history = await Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history");
        Assert.Equal(2, history.Items.Count(c => c.Kind == HealthGrid.Domain.Ingest.InteractionKind.Survey));
        Assert.All(history.Items, c => Assert.StartsWith("ce.", c.EventId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_answers_each_cloudevent_and_a_bad_one_blocks_none_of_the_others()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var missingSource = Survey(customer, "crm://acme/surveys", NewId("ce"), score: 4);
        missingSource.Remove("source");
        var badScore = Survey(customer, "crm://acme/surveys", NewId("ce"), score: 9);

        using var response = await PostAsync(Batch, new JsonArray(Survey(customer, "crm://acme/surveys", NewId("ce"), score: 5), missingSource, badScore));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["results"]!.AsArray();
        Assert.Equal(["accepted", "rejected", "rejected"], results.Select(r => (string)r!["status"]!));
        Assert.Equal(["source"], results[1]!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(["data.survey.score"], results[2]!["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task A_binary_mode_cloudevent_takes_its_attributes_from_the_headers()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var id = NewId("ce");
        HttpRequestMessage Request(bool withId)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
            {
                Content = new StringContent("""{"channel":"chat","text":"Where is my order?","interactionId":"chat-""" + id + "\"}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("ce-specversion", "1.0");
            request.Headers.Add("ce-type", "io.healthgrid.message");
            request.Headers.Add("ce-source", "/chat/widget");
            request.Headers.Add("ce-subject", customer);
            request.Headers.Add("ce-time", At(DateTimeOffset.UtcNow.AddMinutes(-1)));
            if (withId)
            {
                request.Headers.Add("ce-id", id);
            }

            return request;
        }

        using var accepted = await Http.SendAsync(Request(withId: true));
        using var duplicate = await Http.SendAsync(Request(withId: true));
        using var refused = await Http.SendAsync(Request(withId: false));

        Assert.Equal(("accepted", "duplicate"), (await StatusAsync(accepted), await StatusAsync(duplicate)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["id"], await ErrorFieldsAsync(refused));
    }

    [Theory]
    [InlineData("specversion")]
    [InlineData("source")]
    [InlineData("id")]
    [InlineData("type")]
    public async Task A_missing_required_attribute_is_refused_naming_it(string attribute)
    {
        var survey = Survey("c-1", "crm://acme/surveys", NewId("ce"), score: 3);
        survey.Remove(attribute);

        using var response = await PostAsync(Structured, survey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([attribute], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task The_contracts_errors_are_named_by_attribute_or_data_field_and_nothing_is_applied()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var wrong = Survey(customer, "crm://acme/surveys", NewId("ce"), score: 11);
        wrong["type"] = "com.acme.survey.completed";
        wrong["time"] = "yesterday";
        wrong["specversion"] = "0.3";
        using var attributes = await PostAsync(Structured, wrong);
        Assert.Equal(["specversion", "time"], (await ErrorFieldsAsync(attributes)).Order());

        var mapped = Survey(customer, "crm://acme/surveys", NewId("ce"), score: 11);
        mapped["type"] = "com.acme.survey.completed";
        mapped["data"]!["customerId"] = customer;
        mapped.Remove("subject");
        using var contract = await PostAsync(Structured, mapped);
        Assert.Equal(["data.customerId", "subject", "type"], (await ErrorFieldsAsync(contract)).Order());
        Assert.Contains("io.healthgrid.<kind>", await contract.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var textData = Survey(customer, "crm://acme/surveys", NewId("ce"), score: 3);
        textData["datacontenttype"] = "text/plain";
        using var notJson = await PostAsync(Structured, textData);
        Assert.Equal(["datacontenttype"], await ErrorFieldsAsync(notJson));

        Assert.Empty((await Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history")).Items);
    }

    [Fact]
    public async Task Bodies_that_are_no_cloudevents_are_refused_and_other_media_types_stay_unsupported()
    {
        using var notJson = await Http.PostAsync("/api/v1/events", new StringContent("{", Encoding.UTF8, Structured));
        Assert.Equal(["body"], await ErrorFieldsAsync(notJson));
        using var notABatch = await PostAsync(Batch, new JsonObject());
        Assert.Equal(["body"], await ErrorFieldsAsync(notABatch));
        using var plain = await Http.PostAsync("/api/v1/events", new StringContent("{}", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
    }

    /// <summary>A CSAT survey as a structured-mode CloudEvent.</summary>
    private static JsonObject Survey(string customer, string source, string id, int score) => new()
    {
        ["specversion"] = "1.0",
        ["type"] = "io.healthgrid.survey",
        ["source"] = source,
        ["id"] = id,
        ["subject"] = customer,
        ["time"] = At(DateTimeOffset.UtcNow.AddMinutes(-1)),
        ["datacontenttype"] = "application/json",
        ["data"] = new JsonObject { ["channel"] = "survey", ["survey"] = new JsonObject { ["type"] = "csat", ["score"] = score } },
    };

    private Task<HttpResponseMessage> PostAsync(string mediaType, JsonNode body) =>
        Http.PostAsync("/api/v1/events", new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue(mediaType)));

    private static async Task<string> StatusAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!;
    }

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)];
    }
}
