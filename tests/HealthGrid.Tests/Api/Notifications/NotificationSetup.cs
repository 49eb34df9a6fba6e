using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>Writes a notifications document through the configuration API and raises alerts for it to act on.</summary>
internal static class NotificationSetup
{
    public const string FirstSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string SecondSecret = "whsec_c2Vjb25kIHNpZ25pbmcgc2VjcmV0IGZvciB0ZXN0cw==";
    public const string RoutingKey = "R0UTING-KEY-FOR-TESTS";

    public static JsonObject Webhook(string id, string url, params string[] secrets) =>
        new() { ["id"] = id, ["kind"] = "webhook", ["url"] = url, ["secrets"] = new JsonArray([.. (secrets.Length > 0 ? secrets : [FirstSecret]).Select(s => JsonValue.Create(s))]) };

    public static JsonObject Endpoint(string id, string kind, string url) => new() { ["id"] = id, ["kind"] = kind, ["url"] = url };

    public static JsonObject PagerDuty(string id, string url) => new() { ["id"] = id, ["kind"] = "pager_duty", ["url"] = url, ["routingKey"] = RoutingKey };

    public static JsonObject Email(string id, params string[] to) => new() { ["id"] = id, ["kind"] = "email", ["to"] = new JsonArray([.. to.Select(t => JsonValue.Create(t))]) };

    public static JsonObject Recipient(string audience, params string[] contactPoints) =>
        new() { ["audience"] = audience, ["contactPoints"] = new JsonArray([.. contactPoints.Select(c => JsonValue.Create(c))]) };

    public static JsonObject Step(string after, params string[] channels) =>
        new() { ["after"] = after, ["channels"] = new JsonArray([.. channels.Select(c => JsonValue.Create(c))]) };

    public static JsonObject Rule(string id, params JsonObject[] steps) => new() { ["id"] = id, ["steps"] = new JsonArray(steps) };

    /// <summary>A document with fast retries (1 s apart) and attempts bounded at 1 s, no bundling unless given.</summary>
    public static JsonObject Document(Uri dashboard, JsonObject[] contactPoints, JsonObject[] recipients, JsonObject[] rules, int? smtpPort = null, string bundleWindow = "00:00:00") => new()
    {
        ["dashboardUrl"] = dashboard.ToString(),
        ["bundleWindow"] = bundleWindow,
        ["attemptTimeout"] = "00:00:01",
        ["retrySchedule"] = new JsonArray("00:00:01", "00:00:01", "00:00:01"),
        ["smtp"] = new JsonObject { ["host"] = smtpPort is null ? "" : "127.0.0.1", ["port"] = smtpPort ?? 25, ["security"] = "none", ["from"] = "HealthGrid <healthgrid@example.org>" },
        ["contactPoints"] = new JsonArray(contactPoints),
        ["recipients"] = new JsonArray(recipients),
        ["rules"] = new JsonArray(rules),
    };

    public static async Task ConfigureAsync(HttpClient http, JsonObject document)
    {
        using var written = await http.PutAsJsonAsync("/api/v1/config/notifications", new { document, reason = "notifications under test" });
        Assert.True(written.StatusCode == HttpStatusCode.OK, await written.Content.ReadAsStringAsync());
    }

    /// <summary>A frustrated message in a live chat for team-emea: a frustration alert for team:team-emea.</summary>
    public static async Task<Alert> RaiseFrustrationAsync(HttpClient http)
    {
        var customer = await CreateCustomerAsync(http, await CreateAccountAsync(http));
        using var accepted = await http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(customer, "team-emea"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var alerts = await Eventually.Until(() => http.GetJsonAsync<AlertPage>($"/api/v1/alerts?customerId={customer}&type=frustration"), p => p.Items.Length > 0, what: "the frustration alert");
        return alerts.Items.Single();
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient http, Alert alert, string action) => await http.PostAsync($"/api/v1/alerts/{alert.Id}/{action}", null);

    public static async Task<JsonArray> LogAsync(HttpClient http, string query) => (await http.GetJsonAsync<JsonObject>($"/api/v1/notifications?{query}"))["items"]!.AsArray();

    /// <summary>A notification as the planner decides one, for a team-emea alert, to put straight into a store.</summary>
    public static PlannedNotification Planned(string id, string contactPoint, AlertSeverity severity, DateTimeOffset due) => new()
    {
        Id = NotificationIds.Of($"sla-breach.{id}", "raised.high", "team:team-emea", contactPoint),
        AlertId = $"sla-breach.{id}",
        Transition = "raised.high",
        Recipient = "team:team-emea",
        ContactPoint = contactPoint,
        Channel = ChannelKind.Webhook,
        DueAt = due,
        StopsOnAcknowledge = true,
        Reason = "test",
        Alert = new Alert
        {
            Id = $"sla-breach.{id}", Type = AlertType.SlaBreach, Severity = severity, State = AlertState.Raised, Message = $"First response of case {id} breached.",
            Audiences = [new Audience(AudienceKind.Team, "team-emea")], OwnerKind = AlertOwnerKind.Customer, OwnerId = "c-storm", CustomerId = "c-storm",
            RaisedAt = due, UpdatedAt = due, Version = 1,
        },
    };
}
