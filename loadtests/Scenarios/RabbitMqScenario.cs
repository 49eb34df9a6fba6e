using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;
using RabbitMQ.Client;
using Credentials = HealthGrid.LoadTests.Measure.Credentials;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Ingest from a real RabbitMQ broker, against HTTP batch ingest in the same run: (1) HTTP batches of
/// 100 from 16 senders for a while (after as long unmeasured, to warm the silo), for the rate to compare with; (2) a backlog published while no
/// connector consumes the queue, then a connector configured and the time to drain it: the sustained
/// consumption rate; (3) a fixed publish rate for a while, with the peak mix whose frustrated live chats
/// raise alerts at a dashboard client — publish → alert is the publish → applied latency, an upper bound
/// — and the broker's lag sampled every 100 ms. At the end every message must be consumed once: the
/// server's counters of consumed messages and accepted events against what was published, with no
/// duplicate and no dead letter.
/// </summary>
public static class RabbitMqScenario
{
    private const string Connector = "bench";
    private const int HttpBatch = 100;

    public static async Task<int> RunAsync(Uri server, Credentials credentials, Uri amqp, int customers, int backlog, double rate, int seconds, int httpSeconds, int warmupSeconds, TextWriter output)
    {
        using var http = credentials.Http(server, new SocketsHttpHandler { MaxConnectionsPerServer = 32 }, TimeSpan.FromMinutes(2));
        var tenant = await Tenant.CreateAsync(http, customers);
        var queue = $"healthgrid-bench-{tenant.Run}";
        var factory = new ConnectionFactory { Uri = amqp };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);

        // The same silo compiles its hot paths first (tiered JIT): a warm-up of HTTP ingest, unmeasured.
        await HttpBatchRateAsync(http, new EventMix(EventMixKind.Survey, tenant.Run), tenant, TimeSpan.FromSeconds(warmupSeconds), firstRequest: 1_500_000_000L);
        var httpRate = await HttpBatchRateAsync(http, new EventMix(EventMixKind.Survey, tenant.Run), tenant, TimeSpan.FromSeconds(httpSeconds), firstRequest: 0);
        output.WriteLine($"rabbitmq: HTTP batch ingest (16 senders × {HttpBatch} events) {httpRate:0} events/s");

        var survey = new EventMix(EventMixKind.Survey, tenant.Run);
        var published = 0L;
        for (var sent = 0; sent < backlog; sent += 1_000)
        {
            await Task.WhenAll(Enumerable.Range(sent, Math.Min(1_000, backlog - sent)).Select(i => PublishAsync(channel, queue, survey, tenant, 1_000_000_000L + i).AsTask()));
        }

        published += backlog;
        var before = await CountsAsync(http);
        var configured = Stopwatch.GetTimestamp();
        await SetRabbitMqAsync(http, ConnectorFor(amqp, queue), "rabbitmq benchmark");
        var (firstAt, drainedAt) = await DrainAsync(http, before.Consumed, backlog, TimeSpan.FromMinutes(5));
        var consumeRate = backlog / (drainedAt - firstAt).TotalSeconds;
        output.WriteLine($"rabbitmq: a backlog of {backlog} messages drained in {(drainedAt - firstAt).TotalSeconds:0.00} s after the first was consumed ({Stopwatch.GetElapsedTime(configured).TotalSeconds:0.0} s after the connector was configured): {consumeRate:0} events/s, {consumeRate / httpRate:P0} of HTTP batch ingest");

        var peak = new EventMix(EventMixKind.Peak, tenant.Run);
        var alerts = new AlertExpectations("published → frustration alert at a SignalR client", a => a.Type == HealthGrid.Domain.Alerts.AlertType.Frustration ? a.InteractionId : null);
        await using var listener = await AlertListener.ConnectAsync(server, credentials, alerts.Received);
        await using var sampling = await connection.CreateChannelAsync();
        using var stopSampling = new CancellationTokenSource();
        var sampler = SampleLagAsync(sampling, queue, stopSampling.Token);
        var fixedBefore = await CountsAsync(http);
        var startedAt = DateTimeOffset.UtcNow;
        var phase = Stopwatch.StartNew();
        var total = (long)(rate * seconds);
        for (long sequence = 0; sequence < total;)
        {
            var due = Math.Min(total, (long)(rate * phase.Elapsed.TotalSeconds));
            var batch = new List<Task>();
            for (; sequence < due; sequence++)
            {
                var request = 2_000_000_000L + sequence;
                if (peak.FrustratedConversation(request, 0, Hash.Of(1, request, 0)) is { } conversation)
                {
                    alerts.Expect(conversation, Stopwatch.GetTimestamp());
                }

                batch.Add(PublishAsync(channel, queue, peak, tenant, request).AsTask());
            }

            await Task.WhenAll(batch);
            await Task.Delay(5);
        }

        published += total;
        var publishedIn = phase.Elapsed;
        var (_, fixedDrainedAt) = await DrainAsync(http, fixedBefore.Consumed, total, TimeSpan.FromMinutes(5));
        var e2e = await alerts.FinishAsync(TimeSpan.FromSeconds(10));
        await stopSampling.CancelAsync();
        var lagSamples = await sampler;
        var after = await CountsAsync(http);
        output.WriteLine($"rabbitmq: {total} messages published at {total / publishedIn.TotalSeconds:0}/s for {publishedIn.TotalSeconds:0.0} s, the last consumed {(fixedDrainedAt - startedAt - publishedIn).TotalSeconds:0.00} s after the last was published");
        output.WriteLine($"rabbitmq: broker lag p50 {Percentile(lagSamples, 50)}, p99 {Percentile(lagSamples, 99)}, max {lagSamples.DefaultIfEmpty().Max()} messages ready ({lagSamples.Count} samples, every 100 ms)");
        output.WriteLine($"rabbitmq: {e2e.What}: {e2e.Received}/{e2e.Expected} received, {e2e.Duplicates} duplicates, p50 {e2e.Latency.P50} ms p99 {e2e.Latency.P99} ms max {e2e.Latency.Max} ms");

        var consumed = after.Consumed - before.Consumed;
        var accepted = after.Accepted - before.Accepted;
        var duplicates = after.Duplicates - before.Duplicates;
        var dead = after.DeadLettered - before.DeadLettered;
        output.WriteLine($"rabbitmq: published {published}, consumed {consumed}, accepted {accepted}, duplicates {duplicates}, dead-lettered {dead}");
        await SetRabbitMqAsync(http, [], "rabbitmq benchmark done");
        await channel.QueueDeleteAsync(queue);
        var exact = consumed == published && accepted == published && duplicates == 0 && dead == 0 && e2e.Missing == 0 && e2e.Duplicates == 0;
        output.WriteLine(exact ? "rabbitmq: every message applied exactly once" : "FAIL rabbitmq: messages lost, applied twice or dead-lettered");
        return exact ? 0 : 1;
    }

    private static ValueTask PublishAsync(IChannel channel, string queue, EventMix mix, Tenant tenant, long request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var hash = Hash.Of(1, request, 0);
            mix.Write(json, request, 0, tenant.Customers[(int)(hash % (ulong)tenant.Customers.Length)], hash);
        }

        var properties = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        return channel.BasicPublishAsync("", queue, mandatory: true, properties, buffer.WrittenMemory);
    }

    /// <summary>HTTP batch ingest from 16 closed-loop senders of 100 events each, over <paramref name="duration"/>: events/s.</summary>
    private static async Task<double> HttpBatchRateAsync(HttpClient http, EventMix mix, Tenant tenant, TimeSpan duration, long firstRequest)
    {
        long requests = firstRequest, accepted = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var request = Interlocked.Increment(ref requests);
                var buffer = new ArrayBufferWriter<byte>(HttpBatch * 256);
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteStartArray("events");
                    for (var i = 0; i < HttpBatch; i++)
                    {
                        var hash = Hash.Of(2, request, i);
                        mix.Write(json, request, i, tenant.Customers[(int)(hash % (ulong)tenant.Customers.Length)], hash);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                using var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync("/api/v1/events/batch", content);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref accepted, HttpBatch);
                }
            }
        }));
        return accepted / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The benchmark's connector, consuming <paramref name="queue"/> with the credentials of <paramref name="amqp"/>.</summary>
    private static object[] ConnectorFor(Uri amqp, string queue)
    {
        var userInfo = Uri.UnescapeDataString(amqp.UserInfo).Split(':', 2);
        return [new { id = Connector, uri = $"{amqp.Scheme}://{amqp.Authority.Split('@')[^1]}{amqp.AbsolutePath}", userName = userInfo[0], password = userInfo.ElementAtOrDefault(1) ?? "", queue, prefetch = 1_000 }];
    }

    /// <summary>Replaces the RabbitMQ connectors of the connectors area, keeping what else is there (its secrets too: a placeholder keeps a secret).</summary>
    private static async Task SetRabbitMqAsync(HttpClient http, object[] connectors, string reason)
    {
        var document = (await http.GetFromJsonAsync<JsonElement>("/api/v1/config/connectors")).GetProperty("document");
        var edited = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(document.GetRawText())!;
        edited["rabbitMq"] = JsonSerializer.SerializeToElement(connectors);
        using var response = await http.PutAsJsonAsync("/api/v1/config/connectors", new { document = edited, reason });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls the server's consumed counter every 50 ms until <paramref name="count"/> more were consumed: when the first and the last were.</summary>
    private static async Task<(DateTimeOffset First, DateTimeOffset Last)> DrainAsync(HttpClient http, double consumedBefore, long count, TimeSpan timeout)
    {
        DateTimeOffset? first = null;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var consumed = await ServerCounters.SumAsync(http, "healthgrid_queue_consumed_total", $"queue=\"{Connector}\"") - consumedBefore;
            var now = DateTimeOffset.UtcNow;
            if (consumed > 0)
            {
                first ??= now;
            }

            if (consumed >= count)
            {
                return (first!.Value, now);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"the queue was not drained within {timeout}");
    }

    private static async Task<List<long>> SampleLagAsync(IChannel channel, string queue, CancellationToken stop)
    {
        var samples = new List<long>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                samples.Add(await channel.MessageCountAsync(queue, stop));
                await Task.Delay(100, stop);
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }

        return samples;
    }

    private static long Percentile(List<long> samples, double percentile)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        var sorted = samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * percentile / 100) - 1)];
    }

    private static async Task<(double Consumed, double Accepted, double Duplicates, double DeadLettered)> CountsAsync(HttpClient http) => (
        await ServerCounters.SumAsync(http, "healthgrid_queue_consumed_total", $"queue=\"{Connector}\""),
        await ServerCounters.SumAsync(http, "healthgrid_events_outcomes_total", "outcome=\"accepted\""),
        await ServerCounters.SumAsync(http, "healthgrid_events_outcomes_total", "outcome=\"duplicate\""),
        await ServerCounters.SumAsync(http, "healthgrid_queue_dead_lettered_total", $"queue=\"{Connector}\""));
}
