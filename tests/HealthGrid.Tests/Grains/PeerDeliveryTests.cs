using System.Collections.Concurrent;
using System.Net;
using HealthGrid.Domain.Alerts;
using HealthGrid.GrainInterfaces.Cluster;
using HealthGrid.GrainInterfaces.Live;
using HealthGrid.Grains.Cluster;
using HealthGrid.Grains.Configuration;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Configuration;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HealthGrid.Tests.Grains;

/// <summary>
/// The two ends of one silo-to-silo link of the fan-out, without a cluster: the outbox sends in order,
/// retries a failed delivery with the same number, and skips a number when it had to let changes go;
/// the inbox acknowledges a retry without applying it twice and has the dashboards resync on a gap.
/// </summary>
public sealed class PeerDeliveryTests
{
    private static readonly SiloAddress Sender = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress Receiver = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    [Fact]
    public async Task The_inbox_applies_each_envelope_once_and_resyncs_its_dashboards_on_a_gap()
    {
        var dashboards = new RecordingSubscriber();
        var inbox = new PeerInbox([dashboards], EmptySync(), NullLogger<PeerInbox>.Instance);

        await inbox.DeliverAsync(Envelope(1, "a1"));
        await inbox.DeliverAsync(Envelope(1, "a1"));
        await inbox.DeliverAsync(Envelope(2, "a2"));
        Assert.Equal(["a1", "a2"], dashboards.Alerts);
        Assert.Empty(dashboards.Resyncs);

        await inbox.DeliverAsync(Envelope(4, "a4"));
        Assert.Equal(["a1", "a2", "a4"], dashboards.Alerts);
        Assert.Single(dashboards.Resyncs);

        // A silo that leaves: a death means unsent changes, so dashboards resync; its next incarnation starts at 1.
        await inbox.SiloLeftAsync(Sender, resync: true);
        Assert.Equal(2, dashboards.Resyncs.Count);
        await inbox.DeliverAsync(Envelope(1, "b1"));
        Assert.Equal(["a1", "a2", "a4", "b1"], dashboards.Alerts);
        Assert.Equal(2, dashboards.Resyncs.Count);
    }

    [Fact]
    public async Task The_outbox_retries_a_failed_delivery_with_the_same_number_and_keeps_the_order()
    {
        var time = new TimerWatchingClock();
        var received = new ConcurrentQueue<PeerEnvelope>();
        var failures = 2;
        var firstFailed = new TaskCompletionSource();
        var outbox = new PeerOutbox(Receiver, Sender, envelope =>
        {
            received.Enqueue(envelope);
            if (Interlocked.Decrement(ref failures) >= 0)
            {
                firstFailed.TrySetResult();
                return Task.FromException(new TimeoutException("peer busy"));
            }

            return Task.CompletedTask;
        }, time, NullLogger.Instance);
        outbox.Start();

        outbox.Post(Changes("a1"));
        await firstFailed.Task;
        outbox.Post(Changes("a2"));

        // Retries wait on the clock: 100 ms, then 200 ms.
        foreach (var backoff in new[] { TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200) })
        {
            await time.TimerArmedAsync(backoff);
            time.Advance(backoff);
        }

        await outbox.DrainAsync(TimeSpan.FromSeconds(30));
        await outbox.CloseAsync();
        var envelopes = received.ToArray();
        Assert.Equal([1L, 1L, 1L, 2L], envelopes.Select(e => e.Seq));
        Assert.Equal(["a1", "a1", "a1", "a2"], envelopes.SelectMany(e => e.Live!.Alerts.Select(a => a.Id)));
    }

    [Fact]
    public async Task An_outbox_that_had_to_let_changes_go_skips_a_number_so_the_peer_resyncs()
    {
        var time = new FakeTimeProvider();
        var received = new ConcurrentQueue<PeerEnvelope>();
        var release = new TaskCompletionSource();
        var first = new TaskCompletionSource();
        var outbox = new PeerOutbox(Receiver, Sender, async envelope =>
        {
            received.Enqueue(envelope);
            first.TrySetResult();
            await release.Task;
        }, time, NullLogger.Instance);
        outbox.Start();
        outbox.Post(Changes("held"));
        await first.Task;

        // While the peer holds the first envelope, more than the bound (100,000 changes) queues up.
        for (var i = 0; i < 100_001; i++)
        {
            outbox.Post(Changes($"c{i}"));
        }

        release.SetResult();
        await outbox.DrainAsync(TimeSpan.FromSeconds(30));
        await outbox.CloseAsync();

        var envelopes = received.ToArray();
        Assert.Equal(3, envelopes[1].Seq);
        Assert.Equal("c1", envelopes[1].Live!.Alerts[0].Id);
        Assert.Equal(100_000, envelopes.Skip(1).Sum(e => e.Live!.Count));

        var dashboards = new RecordingSubscriber();
        var inbox = new PeerInbox([dashboards], EmptySync(), NullLogger<PeerInbox>.Instance);
        foreach (var envelope in envelopes)
        {
            await inbox.DeliverAsync(envelope);
        }

        Assert.Single(dashboards.Resyncs);
    }

    private static PeerEnvelope Envelope(long seq, string alert) => new() { Sender = Sender, Seq = seq, Live = Changes(alert) };

    private static LiveChanges Changes(string alert) => new()
    {
        Alerts = [new Alert
        {
            Id = alert, Type = AlertType.CustomerHealth, Severity = AlertSeverity.Warning, State = AlertState.Raised, Message = alert,
            Audiences = [], OwnerKind = AlertOwnerKind.Customer, OwnerId = "c", RaisedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch, Version = 1,
        }],
    };

    /// <summary>A configuration sync with no areas: these envelopes carry only live changes.</summary>
    private static ConfigurationSync EmptySync() => new(
        new ConfigurationAreas([], new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()), new InMemoryConfigurationStore(), [], Options.Create(new ConfigurationOptions()), TimeProvider.System, NullLogger<ConfigurationSync>.Instance);

    /// <summary>A fake clock that says when a timer of a given length has been armed, so the test advances it only then.</summary>
    private sealed class TimerWatchingClock : FakeTimeProvider
    {
        private readonly ConcurrentDictionary<TimeSpan, TaskCompletionSource> armed = new();

        public Task TimerArmedAsync(TimeSpan dueTime) => Signal(dueTime).Task.WaitAsync(TimeSpan.FromSeconds(30));

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Signal(dueTime).TrySetResult();
            return timer;
        }

        private TaskCompletionSource Signal(TimeSpan dueTime) => armed.GetOrAdd(dueTime, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    private sealed class RecordingSubscriber : ILiveSubscriber
    {
        public List<string> Alerts { get; } = [];

        public List<string> Resyncs { get; } = [];

        public Task OnChangesAsync(LiveChanges changes)
        {
            Alerts.AddRange(changes.Alerts.Select(a => a.Id));
            return Task.CompletedTask;
        }

        public Task OnResyncAsync(string reason)
        {
            Resyncs.Add(reason);
            return Task.CompletedTask;
        }
    }
}
