using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using HealthGrid.Alerts;
using HealthGrid.LoadTests.Measure;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Frustrated live chat messages at a fixed rate, each in a new conversation, so each raises one
/// frustration alert; a dashboard client times every alert from the message's scheduled send.
/// </summary>
public static class LiveChatScenario
{
    public static async Task<int> RunAsync(Uri server, Credentials credentials, double rate, TimeSpan duration, TimeSpan warmup, int customers, TextWriter output)
    {
        using var http = credentials.Http(server, new SocketsHttpHandler { MaxConnectionsPerServer = 256 });
        var tenant = await Tenant.CreateAsync(http, customers);
        var sentAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var toAlert = new Latencies("message → alert at the SignalR client");
        var accepted = new Latencies("message → 202 accepted");
        var errors = 0;
        await using var listener = await AlertListener.ConnectAsync(server, credentials, (alert, at) =>
        {
            if (alert.Type == AlertType.Frustration && alert.InteractionId is { } conversation && sentAt.TryRemove(conversation, out var scheduled))
            {
                toAlert.Record(TimeSpanBetween(scheduled, at));
            }
        });

        output.WriteLine($"live-chat: {rate:0} messages/s for {duration.TotalSeconds:0} s over {customers} customers, after {warmup.TotalSeconds:0} s of warm-up");
        var warmupSends = (int)(rate * warmup.TotalSeconds);
        var (sent, late) = await OpenModel.RunAsync(rate, warmup + duration, async (i, scheduled) =>
        {
            var conversation = $"{tenant.AccountId}-conv{i}";
            var measured = i >= warmupSends;
            if (measured)
            {
                sentAt[conversation] = scheduled;
            }

            using var response = await http.PostAsJsonAsync("/api/v1/events", Message(tenant.Customers[i % customers], conversation), Tenant.Json);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                if (measured)
                {
                    accepted.RecordSince(scheduled);
                }
            }
            else
            {
                Interlocked.Increment(ref errors);
                sentAt.TryRemove(conversation, out _);
            }
        });

        // Stragglers: give the last alerts a moment to arrive before counting what is missing.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!sentAt.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        output.WriteLine($"sent {sent}, late sends {late}, errors {errors}, alerts missing {sentAt.Count}");
        output.WriteLine(accepted.Summary());
        output.WriteLine(toAlert.Summary());
        return errors == 0 && sentAt.IsEmpty ? 0 : 1;
    }

    private static Dictionary<string, object?> Message(string customer, string conversation) => new()
    {
        ["eventId"] = $"{conversation}-m",
        ["customerId"] = customer,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channel"] = "chat",
        ["kind"] = "message",
        ["text"] = "This is the third time I'm calling about this, I want to speak to a manager!",
        ["interactionId"] = conversation,
        ["live"] = true,
        ["team"] = "team-loadtests",
    };

    private static TimeSpan TimeSpanBetween(long from, long to) => System.Diagnostics.Stopwatch.GetElapsedTime(from, to);
}
