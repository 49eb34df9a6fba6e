using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>
/// E-mail through a real SMTP server (MailKit to the SmtpServer package), and the acknowledge link it
/// carries: valid once, refused when tampered, expired, foreign or already used — changing nothing —
/// and an acknowledgement in the dashboard stopping an e-mail that was still waiting.
/// </summary>
public sealed partial class EmailAndLinkTests : IAsyncLifetime
{
    private InProcessSilo silo = null!;
    private SmtpSink smtp = null!;
    private HttpReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        smtp = SmtpSink.Start();
        receiver = await HttpReceiver.StartAsync();
        silo = await InProcessSilo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        await smtp.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task The_email_arrives_with_both_bodies_and_its_link_acknowledges_once_as_the_recipient()
    {
        await ConfigureAsync(silo.Http, Document(silo.BaseAddress,
            [Email("morgan-mail", "morgan@example.org", "emea-desk@example.org")],
            [Recipient("user:sup-emea", "morgan-mail"), TeamOf("sup-emea")],
            [Rule("mail", Step("00:00:00", "email"))],
            smtp.Port));

        var alert = await RaiseFrustrationAsync(silo.Http);
        var mail = await smtp.NextAsync();

        Assert.Equal(["morgan@example.org", "emea-desk@example.org"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("Frustrated customer", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(alert.Message, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=", mail.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("@healthgrid", mail.MessageId, StringComparison.Ordinal);
        var link = AcknowledgeLink().Match(mail.TextBody!).Value;

        using var anonymous = new HttpClient();
        using var shown = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Acknowledge as sup-emea", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(AlertState.Raised, (await AlertAsync(alert.Id)).State);

        using var acted = await PostAsync(anonymous, link);
        Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
        var acknowledged = await AlertAsync(alert.Id);
        Assert.Equal((AlertState.Acknowledged, "sup-emea"), (acknowledged.State, acknowledged.AcknowledgedBy));

        using var again = await PostAsync(anonymous, link);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(acknowledged.Version, (await AlertAsync(alert.Id)).Version);
    }

    [Fact]
    public async Task Tampered_expired_foreign_and_another_recipients_used_links_are_refused_and_change_nothing()
    {
        await ConfigureAsync(silo.Http, Document(silo.BaseAddress,
            [Webhook("hook", receiver.Url("hook"))],
            [Recipient("team:team-emea", "hook")],
            [Rule("hook", Step("00:00:00", "webhook"))]));
        var alert = await RaiseFrustrationAsync(silo.Http);
        var sent = System.Text.Json.Nodes.JsonNode.Parse((await receiver.NextAsync("/hook")).Body)!["data"]!;
        var link = (string)sent["links"]!["acknowledge"]!;
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        using var anonymous = new HttpClient();
        var act = $"{silo.BaseAddress}api/v1/notifications/act?token=";

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var mine = silo.Service<IDataProtectionProvider>().CreateProtector(NotificationLink.Purpose);
        var expired = Protect(mine, new NotificationLink("n", alert.Id, "team:team-emea", AlertState.Acknowledged, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var foreign = Protect(DataProtectionProvider.Create("another HealthGrid").CreateProtector(NotificationLink.Purpose), new NotificationLink("n", alert.Id, "team:team-emea", AlertState.Acknowledged, DateTimeOffset.UtcNow.AddDays(1)));
        foreach (var (bad, status) in new[] { (tampered, HttpStatusCode.BadRequest), (expired, HttpStatusCode.Gone), (foreign, HttpStatusCode.BadRequest), ("", HttpStatusCode.BadRequest) })
        {
            using var shown = await anonymous.GetAsync(act + bad);
            Assert.Equal(status, shown.StatusCode);
            using var posted = await PostAsync(anonymous, act + bad);
            Assert.Equal(status, posted.StatusCode);
        }

        Assert.Equal(AlertState.Raised, (await AlertAsync(alert.Id)).State);

        // Someone else acknowledged first (here: another recipient's link): this one does nothing more.
        var theirs = Protect(mine, new NotificationLink("n2", alert.Id, "user:po-billing", AlertState.Acknowledged, DateTimeOffset.UtcNow.AddDays(1)));
        using (var first = await PostAsync(anonymous, act + theirs))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var late = await PostAsync(anonymous, link);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("acknowledged by po-billing", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("po-billing", (await AlertAsync(alert.Id)).AcknowledgedBy);
    }

    [Fact]
    public async Task Acknowledging_in_the_dashboard_cancels_an_email_still_waiting_for_its_step()
    {
        await ConfigureAsync(silo.Http, Document(silo.BaseAddress,
            [Webhook("hook", receiver.Url("hook")), Email("morgan-mail", "morgan@example.org")],
            [Recipient("user:sup-emea", "morgan-mail"), TeamOf("sup-emea", delivery: "both")],
            [Rule("escalating", Step("00:00:00", "webhook"), Step("00:05:00", "email"))],
            smtp.Port));
        var alert = await RaiseFrustrationAsync(silo.Http);
        await receiver.NextAsync("/hook");

        (await ActAsync(silo.Http, alert, "acknowledge")).EnsureSuccessStatusCode();

        var log = await Eventually.Until(() => LogAsync(silo.Http, $"alertId={Uri.EscapeDataString(alert.Id)}&channel=email"), l => l.Count == 1 && (string)l[0]!["state"]! == "cancelled", what: "the waiting e-mail to be cancelled");
        Assert.Contains("acknowledged by", (string)log[0]!["timeline"]!.AsArray()[^1]!["reason"]!, StringComparison.Ordinal);
        Assert.False(smtp.TryTake(out _));
    }

    private static System.Text.Json.Nodes.JsonObject TeamOf(string member, string delivery = "members") => new()
    {
        ["audience"] = "team:team-emea",
        ["contactPoints"] = delivery == "members" ? new System.Text.Json.Nodes.JsonArray() : new System.Text.Json.Nodes.JsonArray("hook"),
        ["members"] = new System.Text.Json.Nodes.JsonArray(member),
        ["delivery"] = delivery,
    };

    private static string Protect(IDataProtector protector, NotificationLink link) => Base64Url.EncodeToString(protector.Protect(Encoding.UTF8.GetBytes(link.Encode())));

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string link)
    {
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
        return http.PostAsync(link[..link.IndexOf('?', StringComparison.Ordinal)], new FormUrlEncodedContent([new("token", token)]));
    }

    private Task<Alert> AlertAsync(string id) => silo.Http.GetJsonAsync<Alert>($"/api/v1/alerts/{Uri.EscapeDataString(id)}");

    [GeneratedRegex(@"http://\S+/api/v1/notifications/act\?token=\S+")]
    private static partial Regex AcknowledgeLink();
}
