using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.Grains.Notifications.Delivery;
using HealthGrid.Storage.Notifications;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// The e-mail channel against a real SMTP server: messages in a row share one session; a kept session
/// the server has closed meanwhile (it restarted) is replaced within the same attempt, nothing lost; a
/// session idle past its limit is not used again.
/// </summary>
public sealed class SmtpSessionTests : IAsyncDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SmtpConnections connections;
    private readonly EmailNotificationChannel channel;
    private SmtpSink sink = SmtpSink.Start();

    public SmtpSessionTests()
    {
        connections = new SmtpConnections(clock);
        channel = new EmailNotificationChannel(connections, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await connections.DisposeAsync();
        await sink.DisposeAsync();
    }

    [Fact]
    public async Task Messages_in_a_row_share_a_session_and_a_session_the_server_closed_is_replaced()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DeliveryResult.Sent, (await SendAsync($"row-{i}")).Result);
        }

        Assert.Equal(1, sink.Sessions);
        Assert.Equal(3, await ReceivedAsync(sink, 3));

        // The server restarts on the same port: the kept session is dead, the next message goes on a new one.
        var port = sink.Port;
        await sink.DisposeAsync();
        sink = SmtpSink.Start(port);
        Assert.Equal(DeliveryResult.Sent, (await SendAsync("after-restart")).Result);
        Assert.Equal("sla-breach.after-restart", (await sink.NextAsync()).Headers["X-HealthGrid-Alert"]);
        Assert.Equal(1, sink.Sessions);
    }

    [Fact]
    public async Task A_session_idle_past_its_limit_is_not_used_again()
    {
        await SendAsync("first");
        clock.Advance(TimeSpan.FromSeconds(31));
        await SendAsync("later");

        Assert.Equal(2, sink.Sessions);
        Assert.Equal(2, await ReceivedAsync(sink, 2));
    }

    private async Task<DeliveryOutcome> SendAsync(string id)
    {
        var store = new InMemoryNotificationStore();
        var now = clock.GetUtcNow();
        store.Decide([new NotificationDecision([Planned(id, "mail", AlertSeverity.High, now) with { Channel = ChannelKind.Email }], null, now)]);
        var record = Assert.Single(await store.ClaimDueAsync(now, TimeSpan.FromSeconds(30), 1, CancellationToken.None));
        var links = new ActionLinks("http://127.0.0.1/", "http://127.0.0.1/ack", "http://127.0.0.1/resolve", now + TimeSpan.FromDays(1));
        var message = new RenderedMessage(record.MessageId, $"Subject {id}", $"Text {id}", $"<p>{id}</p>", [new RenderedItem(record, $"Subject {id}", $"Text {id}", links)]);
        var settings = new NotificationOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(10),
            Smtp = new SmtpSettings { Host = "127.0.0.1", Port = sink.Port, Security = SmtpSecurity.None, From = "healthgrid@example.org" },
        };
        return await channel.SendAsync(message, new ContactPointSettings { Id = "mail", Kind = ChannelKind.Email, To = ["sup-emea@example.org"] }, settings, CancellationToken.None);
    }

    private static async Task<int> ReceivedAsync(SmtpSink sink, int expected)
    {
        for (var i = 0; i < expected; i++)
        {
            await sink.NextAsync();
        }

        return sink.TryTake(out _) ? expected + 1 : expected;
    }
}
