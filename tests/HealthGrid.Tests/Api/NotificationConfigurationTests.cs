using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Tests.Infrastructure;

namespace HealthGrid.Tests.Api;

/// <summary>
/// The notifications area through the configuration API: its secrets (endpoint URLs, signing secrets,
/// routing keys, the SMTP password) are accepted on write and never returned by any read — document,
/// version, history, diff, write answer — and a write that sends the placeholders back keeps them.
/// </summary>
public sealed class NotificationConfigurationTests : IAsyncLifetime
{
    public const string SigningSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string HookUrl = "http://127.0.0.1:9/hooks/very-secret-token";
    public const string RoutingKey = "R0UT1NG-KEY-0123456789";
    public const string SmtpPassword = "smtp-pa55word";

    private InProcessSilo silo = null!;

    public async Task InitializeAsync() => silo = await InProcessSilo.StartAsync();

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task Secrets_are_write_only_and_a_write_sending_placeholders_back_keeps_them()
    {
        using (var written = await PutAsync(Document(), "\"1\""))
        {
            var text = await written.Content.ReadAsStringAsync();
            Assert.True(written.StatusCode == HttpStatusCode.OK, text);
            AssertNoSecret(text);
        }

        var current = (await silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications"))["document"]!;
        Assert.Equal("(secret)", (string)current["contactPoints"]![0]!["url"]!);
        Assert.Equal(["(secret #1)"], current["contactPoints"]![0]!["secrets"]!.AsArray().Select(s => (string)s!));

        // An edit of something else, with the placeholders as read: the secrets stay.
        current["maxLateness"] = "02:00:00";
        using (var edited = await PutAsync(current.DeepClone(), "\"2\""))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        foreach (var read in new[] { "/api/v1/config/notifications", "/api/v1/config/notifications?version=2", "/api/v1/config/notifications/history", "/api/v1/config" })
        {
            AssertNoSecret(await silo.Http.GetStringAsync(read));
        }

        var history = await silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications/history");
        var diff = history["items"]![0]!["diff"]!.AsArray();
        Assert.Equal(["/maxLateness"], diff.Select(d => (string)d!["path"]!));
        Assert.Equal("(secret)", (string)history["items"]![0]!["document"]!["smtp"]!["password"]!);
    }

    [Fact]
    public async Task A_broken_contact_point_is_refused_at_its_field_without_echoing_the_secret()
    {
        var document = Document();
        document["contactPoints"]![0]!["secrets"] = new JsonArray("whsec_dG9vc2hvcnQ=");
        document["contactPoints"]![1]!["routingKey"] = "";

        using var refused = await PutAsync(document, "\"1\"");
        var text = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("document.contactPoints[0].secrets[0]", text, StringComparison.Ordinal);
        Assert.Contains("document.contactPoints[1].routingKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dG9vc2hvcnQ", text, StringComparison.Ordinal);
        Assert.Equal(1L, (long)(await silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications"))["version"]!);
    }

    [Fact]
    public async Task A_template_that_does_not_parse_or_does_not_apply_is_refused_at_its_field()
    {
        var document = Document();
        document["templates"] = new JsonArray(
            new JsonObject { ["part"] = "subject", ["type"] = "sla_breach", ["body"] = "{% if customer %}no end" },
            new JsonObject { ["part"] = "digest_text", ["type"] = "frustration", ["body"] = "{{ count }} alerts" },
            new JsonObject { ["part"] = "header", ["body"] = "x" });

        using var refused = await PutAsync(document, "\"1\"");
        var text = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("document.templates[2].part", text, StringComparison.Ordinal);
        document["templates"]!.AsArray().RemoveAt(2);
        using var refusedAgain = await PutAsync(document, "\"1\"");
        text = await refusedAgain.Content.ReadAsStringAsync();
        Assert.Contains("document.templates[0].body", text, StringComparison.Ordinal);
        Assert.Contains("not a valid Liquid template", text, StringComparison.Ordinal);
        Assert.Contains("document.templates[1].type", text, StringComparison.Ordinal);
        Assert.Equal(1L, (long)(await silo.Http.GetJsonAsync<JsonObject>("/api/v1/config/notifications"))["version"]!);
    }

    internal static void AssertNoSecret(string text)
    {
        foreach (var secret in new[] { SigningSecret, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", HookUrl, "very-secret-token", RoutingKey, SmtpPassword })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    /// <summary>A webhook and a PagerDuty contact point for team-emea, and SMTP credentials.</summary>
    public static JsonObject Document() => new()
    {
        ["dashboardUrl"] = "http://127.0.0.1:5080/",
        ["smtp"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = 2525, ["username"] = "healthgrid", ["password"] = SmtpPassword, ["from"] = "healthgrid@example.org" },
        ["contactPoints"] = new JsonArray(
            new JsonObject { ["id"] = "ops-hook", ["kind"] = "webhook", ["url"] = HookUrl, ["secrets"] = new JsonArray(SigningSecret) },
            new JsonObject { ["id"] = "emea-pager", ["kind"] = "pager_duty", ["url"] = "http://127.0.0.1:9/v2/enqueue", ["routingKey"] = RoutingKey }),
        ["recipients"] = new JsonArray(new JsonObject { ["audience"] = "team:team-emea", ["contactPoints"] = new JsonArray("ops-hook", "emea-pager") }),
        ["rules"] = new JsonArray(new JsonObject
        {
            ["id"] = "everything",
            ["steps"] = new JsonArray(new JsonObject { ["after"] = "00:00:00", ["channels"] = new JsonArray("webhook", "pager_duty") }),
        }),
    };

    private Task<HttpResponseMessage> PutAsync(JsonNode document, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/config/notifications") { Content = JsonContent.Create(new { document, reason = "contact points for team-emea" }) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return silo.Http.SendAsync(request);
    }
}
