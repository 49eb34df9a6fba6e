using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Configuration;
using HealthGrid.Grains.Configuration;
using HealthGrid.Grains.Notifications.Delivery;
using HealthGrid.Storage.Notifications;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using static HealthGrid.Tests.Api.Notifications.NotificationSetup;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// The delivery worker on a fake clock, against a real webhook receiver: a storm of 10,000 SLA breaches
/// for one team within a minute is sent as a bounded number of digests that together carry every one of
/// them, the first critical of a window at once; a step with a delay is sent when the clock reaches it.
/// </summary>
public sealed class NotificationStormTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Breaches = 10_000;
    private const int Seconds = 60;
    private readonly FakeTimeProvider clock = new(FakeTimeClusterFixture.Start);
    private InProcessTestCluster cluster = null!;
    private HttpReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = await HttpReceiver.StartAsync();
        cluster = await GrainClusterFixture.StartAsync(host => host.Services.AddSingleton<TimeProvider>(clock));
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Ten_thousand_breaches_in_a_minute_become_a_bounded_number_of_digests_none_lost()
    {
        await ConfigureAsync(bundleWindow: "00:00:30");
        var store = Service<InMemoryNotificationStore>();
        var worker = Service<NotificationWorker>();

        for (var second = 0; second < Seconds; second++)
        {
            var now = clock.GetUtcNow();
            var planned = Enumerable.Range(0, Breaches / Seconds + (second < Breaches % Seconds ? 1 : 0))
                .Select(i => Planned($"storm-{second}-{i}", "storm", i % 1000 == 999 ? AlertSeverity.Critical : AlertSeverity.High, now))
                .ToList();
            store.Decide([new NotificationDecision(planned, null, now)]);
            await PassAsync(worker);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        for (var second = 0; second < 40; second++)
        {
            await PassAsync(worker);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var messages = receiver.On("/storm").Select(r => JsonNode.Parse(r.Body)!).ToList();
        var carried = messages.Sum(m => (string)m["type"]! == "alert.digest" ? (int)m["data"]!["count"]! : 1);
        output.WriteLine($"{Breaches} breaches in {Seconds} s: {messages.Count} messages ({messages.Count(m => (string)m["type"]! == "alert.digest")} digests)");
        Assert.Equal(Breaches, carried);
        Assert.InRange(messages.Count, 2, 30);
        var log = await store.QueryAsync(new NotificationQuery { Limit = Breaches + 1 }, CancellationToken.None);
        Assert.Equal(Breaches, log.Total);
        Assert.All(log.Items, n => Assert.Equal(NotificationState.Sent, n.State));
        Assert.Contains(log.Items, n => n.Timeline.Any(e => e.Kind == NotificationEventKind.Bundled));
        var ids = messages.Where(m => (string)m["type"]! == "alert.digest").SelectMany(m => m["data"]!["notificationIds"]!.AsArray().Select(id => (string)id!))
            .Concat(messages.Where(m => (string)m["type"]! != "alert.digest").Select(m => (string)m["data"]!["notificationId"]!)).ToList();
        Assert.Equal(Breaches, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_delayed_step_goes_out_when_the_clock_reaches_it_and_not_before()
    {
        await ConfigureAsync(bundleWindow: "00:00:00");
        var store = Service<InMemoryNotificationStore>();
        var worker = Service<NotificationWorker>();
        var now = clock.GetUtcNow();
        store.Decide([new NotificationDecision([Planned("delayed", "storm", AlertSeverity.High, now + TimeSpan.FromMinutes(5))], null, now)]);

        await PassAsync(worker);
        clock.Advance(TimeSpan.FromMinutes(4));
        await PassAsync(worker);
        Assert.Empty(receiver.On("/storm"));

        clock.Advance(TimeSpan.FromMinutes(1));
        await PassAsync(worker);
        Assert.Equal("alert.raised", (string)JsonNode.Parse(Assert.Single(receiver.On("/storm")).Body)!["type"]!);
    }

    private async Task ConfigureAsync(string bundleWindow)
    {
        var document = Document(new Uri("http://127.0.0.1:5080/"), [Webhook("storm", receiver.Url("storm"))], [Recipient("team:team-emea", "storm")], [Rule("all", Step("00:00:00", "webhook"))], bundleWindow: bundleWindow);
        var written = await Service<ConfigurationEditor>().WriteAsync(new ConfigurationChange { Area = "notifications", Document = document.ToJsonString(), Author = "test" });
        Assert.Equal(ConfigurationWriteOutcome.Written, written.Outcome);
    }

    private static async Task PassAsync(NotificationWorker worker)
    {
        var pass = worker.NextPassAsync();
        worker.Decided();
        await pass;
        await worker.IdleAsync();
    }

    private T Service<T>()
        where T : notnull => cluster.Silos[0].ServiceProvider.GetRequiredService<T>();
}
