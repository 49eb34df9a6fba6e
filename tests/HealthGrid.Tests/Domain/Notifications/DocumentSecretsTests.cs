using System.Text.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Notifications;
using static HealthGrid.Tests.Domain.Notifications.Rules;

namespace HealthGrid.Tests.Domain.Notifications;

public sealed class DocumentSecretsTests
{
    private const string Rotated = "whsec_c2Vjb25kIHNpZ25pbmcgc2VjcmV0IGZvciB0ZXN0cw==";

    [Fact]
    public void A_read_shows_placeholders_for_every_secret_that_is_set()
    {
        var redacted = JsonNode.Parse(DocumentSecrets.Redact(Document(), typeof(NotificationOptions)))!;

        Assert.Equal("(secret)", (string)redacted["smtp"]!["password"]!);
        Assert.Equal("(secret)", (string)redacted["contactPoints"]![0]!["url"]!);
        Assert.Equal(["(secret #1)", "(secret #2)"], redacted["contactPoints"]![0]!["secrets"]!.AsArray().Select(s => (string)s!));
        Assert.Null(redacted["contactPoints"]![1]!["routingKey"]);
        Assert.Equal("ops", (string)redacted["smtp"]!["username"]!);
        Assert.DoesNotContain("whsec_", redacted.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_keeps_what_it_sends_back_as_placeholders_or_leaves_out_and_matches_contact_points_by_id()
    {
        var previous = Document();
        var incoming = JsonNode.Parse(DocumentSecrets.Redact(previous, typeof(NotificationOptions)))!;
        var points = incoming["contactPoints"]!.AsArray();
        var hook = points[0]!;
        points.RemoveAt(0);
        points.Add(hook);
        hook["secrets"] = new JsonArray("(secret #2)");
        incoming["smtp"]!.AsObject().Remove("password");

        var errors = new OptionErrors();
        var kept = JsonNode.Parse(DocumentSecrets.Keep(incoming.ToJsonString(), previous, typeof(NotificationOptions), errors))!;

        Assert.Equal(0, errors.Count);
        Assert.Equal("s3cret", (string)kept["smtp"]!["password"]!);
        var keptHook = kept["contactPoints"]!.AsArray().Single(p => (string)p!["id"]! == "hook")!;
        Assert.Equal("https://hooks.example.org/x", (string)keptHook["url"]!);
        Assert.Equal([Rotated], keptHook["secrets"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void A_placeholder_with_nothing_behind_it_is_an_error_at_its_path()
    {
        var incoming = JsonNode.Parse(Document())!;
        incoming["smtp"]!["password"] = "(secret)";
        incoming["contactPoints"]![0]!["secrets"] = new JsonArray("(secret #3)");

        var errors = new OptionErrors();
        DocumentSecrets.Keep(incoming.ToJsonString(), previous: null, typeof(NotificationOptions), errors);

        Assert.Equal(["smtp.password", "contactPoints[0].secrets[0]"], errors.All.Select(e => e.Path).Order().Reverse());
    }

    [Fact]
    public void A_new_value_replaces_a_secret_and_an_empty_list_clears_it()
    {
        var incoming = JsonNode.Parse(Document())!;
        incoming["smtp"]!["password"] = "changed";
        incoming["contactPoints"]![0]!["secrets"] = new JsonArray();

        var kept = JsonNode.Parse(DocumentSecrets.Keep(incoming.ToJsonString(), Document(), typeof(NotificationOptions), new OptionErrors()))!;

        Assert.Equal("changed", (string)kept["smtp"]!["password"]!);
        Assert.Empty(kept["contactPoints"]![0]!["secrets"]!.AsArray());
    }

    [Fact]
    public void Mapping_touches_secrets_only_and_round_trips()
    {
        var encrypted = DocumentSecrets.Map(Document(), typeof(NotificationOptions), v => "enc:" + new string(v.Reverse().ToArray()));
        Assert.DoesNotContain("s3cret", encrypted, StringComparison.Ordinal);
        Assert.Contains("\"username\":\"ops\"", encrypted, StringComparison.Ordinal);

        var decrypted = DocumentSecrets.Map(encrypted, typeof(NotificationOptions), v => new string(v["enc:".Length..].Reverse().ToArray()));
        Assert.Equal(Document(), decrypted);
    }

    [Fact]
    public void An_area_without_secrets_is_left_as_it_is()
    {
        Assert.False(DocumentSecrets.Any(typeof(HealthGrid.Domain.Alerts.AlertOptions)));
        Assert.True(DocumentSecrets.Any(typeof(NotificationOptions)));
    }

    private static string Document()
    {
        var options = Escalating();
        options.Smtp.Username = "ops";
        options.Smtp.Password = "s3cret";
        options.ContactPoints.Insert(0, new ContactPointSettings { Id = "hook", Kind = ChannelKind.Webhook, Url = "https://hooks.example.org/x", Secrets = [Secret, Rotated] });
        options.ContactPoints[2].RoutingKey = null;
        return JsonSerializer.Serialize(options, ConfigurationJson.Options);
    }
}
