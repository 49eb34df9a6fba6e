using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api.Notifications;

/// <summary>A breach taken back by late data is notified as resolved, with the reason in words, where its raising was.</summary>
public sealed class LateDataNotificationTests : NotificationTestBase
{
    [Fact]
    public async Task The_resolution_of_a_retracted_breach_says_why_in_its_slack_message()
    {
        var (agent, ticket) = (NewId("agent"), NewId("T"));
        await ConfigureAsync(Silo.Http, Document(Silo.BaseAddress,
            [Endpoint("slack", "slack", Receiver.Url("slack"))],
            [Recipient($"user:{agent}", "slack")],
            [Rule("all", Step("00:00:00", "slack"))]));
        var customer = await CreateCustomerAsync(Silo.Http, await CreateAccountAsync(Silo.Http));
        var openedAt = DateTimeOffset.UtcNow.AddMinutes(-20);

        (await Silo.Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket, assignee: agent, at: openedAt))).EnsureSuccessStatusCode();
        await Eventually.Until(() => Task.FromResult(Receiver.On("/slack")), m => m.Any(r => r.Body.Contains("breached", StringComparison.Ordinal)), what: "the breach in Slack");

        (await Silo.Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_updated", ticket, severity: null, assignee: agent, author: "agent", at: openedAt.AddMinutes(10)))).EnsureSuccessStatusCode();
        var resolved = await Eventually.Until(() => Task.FromResult(Receiver.On("/slack")), m => m.Any(r => r.Body.Contains("Resolved by healthgrid", StringComparison.Ordinal)), what: "the resolution in Slack");
        Assert.Contains(resolved, r => r.Body.Contains("The breach was taken back: an event that arrived late showed the deadline was met.", StringComparison.Ordinal));
    }
}
