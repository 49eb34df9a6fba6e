using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.Domain.Alerts;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// Notifications at peak: frustrated live chats at a steady rate, each raising one frustration alert
/// for the load-test team, whose rule sends every alert to a webhook on loopback at once (and every
/// n-th, for a second team, also by e-mail to an SMTP server on loopback). Times each event's
/// acceptance → webhook received, → e-mail accepted, and → dashboard push in the same run, and counts
/// alerts whose notification never came.
/// </summary>
public static class NotifyScenario
{
    private const string MailTeam = "team-loadtests-mail";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(Uri server, Credentials credentials, int rate, int seconds, int warmupSeconds, int emailEvery, TextWriter output)
    {
        using var http = credentials.Http(server, timeout: TimeSpan.FromMinutes(1));
        await using var receivers = await NotificationReceivers.StartAsync();
        await ConfigureAsync(http, server, receivers);
        var tenant = await Tenant.CreateAsync(http, 1000);
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var mailed = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var pushed = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await using var listener = await AlertListener.ConnectAsync(server, credentials, (alert, at) =>
        {
            if (alert.Type == AlertType.Frustration && alert.InteractionId is { } conversation)
            {
                pushed.TryAdd(conversation, at);
            }
        });

        // A fresh silo compiles its hot paths for its first seconds (tiered JIT): the same load, unmeasured, first.
        var errors = 0;
        await SendPhaseAsync(http, tenant, $"{tenant.Run}-warmup", rate, warmupSeconds, 0, new(StringComparer.Ordinal), new(StringComparer.Ordinal), () => { });
        await Task.Delay(TimeSpan.FromSeconds(2));
        var clock = Stopwatch.StartNew();
        await SendPhaseAsync(http, tenant, $"{tenant.Run}-notify", rate, seconds, emailEvery, sent, mailed, () => Interlocked.Increment(ref errors));
        var sending = clock.Elapsed;
        var drained = Stopwatch.StartNew();
        while (drained.Elapsed < Drain && (receivers.WebhookByConversation.Count(w => sent.ContainsKey(w.Key)) < sent.Count || EmailsOf(receivers, sent) < mailed.Count))
        {
            await Task.Delay(100);
        }

        return Report(output, rate, rate * seconds, sending, errors, sent, mailed, pushed, receivers);
    }

    private static int EmailsOf(NotificationReceivers receivers, ConcurrentDictionary<string, long> sent) =>
        receivers.EmailByAlert.Keys.Count(a => receivers.ConversationByAlert.TryGetValue(a, out var c) && sent.ContainsKey(c));

    private static async Task SendPhaseAsync(HttpClient http, Tenant tenant, string prefix, int rate, int seconds, int emailEvery,
        ConcurrentDictionary<string, long> sent, ConcurrentDictionary<string, byte> mailed, Action refused)
    {
        var total = rate * seconds;
        var perTick = Math.Max(1, rate / 100);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var tick = 0; tick * perTick < total; tick++)
        {
            var events = Enumerable.Range(tick * perTick, Math.Min(perTick, total - (tick * perTick))).Select(i =>
            {
                var conversation = $"{prefix}-{i}";
                var mail = emailEvery > 0 && i % emailEvery == 0;
                if (mail)
                {
                    mailed.TryAdd(conversation, 0);
                }

                return (Conversation: conversation, Event: Frustrated(tenant.Customers[i % tenant.Customers.Length], conversation, mail ? MailTeam : Credentials.Team, i));
            }).ToList();
            inFlight.Add(SendAsync(http, events, sent, refused));
            var next = Tick * (tick + 1);
            if (next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed);
            }
        }

        await Task.WhenAll(inFlight);
    }

    private static int Report(TextWriter output, int rate, int total, TimeSpan sending, int errors, ConcurrentDictionary<string, long> sent, ConcurrentDictionary<string, byte> mailed,
        ConcurrentDictionary<string, long> pushed, NotificationReceivers receivers)
    {
        var webhook = new Latencies("accepted → webhook received");
        var email = new Latencies("accepted → e-mail accepted");
        var push = new Latencies("accepted → dashboard push");
        foreach (var (conversation, at) in sent)
        {
            if (receivers.WebhookByConversation.TryGetValue(conversation, out var received))
            {
                webhook.Record(Stopwatch.GetElapsedTime(at, received));
            }

            if (!mailed.ContainsKey(conversation) && pushed.TryGetValue(conversation, out var shown))
            {
                push.Record(Stopwatch.GetElapsedTime(at, shown));
            }
        }

        foreach (var (alert, at) in receivers.EmailByAlert)
        {
            if (receivers.ConversationByAlert.TryGetValue(alert, out var conversation) && sent.TryGetValue(conversation, out var accepted) && mailed.ContainsKey(conversation))
            {
                email.Record(Stopwatch.GetElapsedTime(accepted, at));
            }
        }

        var missingWebhooks = sent.Count - receivers.WebhookByConversation.Count(w => sent.ContainsKey(w.Key));
        var missingEmails = mailed.Count(m => sent.ContainsKey(m.Key)) - (int)email.Count;
        output.WriteLine($"notify: {total} frustrated live chats at {rate}/s sent in {sending.TotalSeconds:0.0} s ({sent.Count} accepted, {errors} refused); {mailed.Count} for the e-mail team");
        output.WriteLine(webhook.Summary());
        output.WriteLine(email.Summary());
        output.WriteLine(push.Summary());
        output.WriteLine($"missing: {missingWebhooks} webhooks, {missingEmails} e-mails");
        var p99 = webhook.Percentile(99);
        var pass = missingWebhooks == 0 && missingEmails == 0 && errors == 0 && p99 < TimeSpan.FromMilliseconds(50);
        output.WriteLine($"{(pass ? "PASS" : "FAIL")}: webhook p99 {p99.TotalMilliseconds:0.0} ms (target < 50 ms), every alert notified: {missingWebhooks == 0 && missingEmails == 0}");
        return pass ? 0 : 1;
    }

    private static async Task SendAsync(HttpClient http, List<(string Conversation, Dictionary<string, object?> Event)> events, ConcurrentDictionary<string, long> sent, Action refused)
    {
        await Task.Yield();
        var at = Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("/api/v1/events/batch", new { events = events.Select(e => e.Event) }, Tenant.Json);
        if (!response.IsSuccessStatusCode)
        {
            refused();
            return;
        }

        foreach (var (conversation, _) in events)
        {
            sent.TryAdd(conversation, at);
        }
    }

    private static async Task ConfigureAsync(HttpClient http, Uri server, NotificationReceivers receivers)
    {
        var document = new JsonObject
        {
            ["dashboardUrl"] = server.ToString(),
            ["bundleWindow"] = "00:00:00",
            ["smtp"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = receivers.SmtpPort, ["security"] = "none", ["from"] = "healthgrid@example.org" },
            ["contactPoints"] = new JsonArray(
                new JsonObject { ["id"] = "bench-hook", ["kind"] = "webhook", ["url"] = receivers.WebhookUrl.ToString(), ["secrets"] = new JsonArray("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") },
                new JsonObject { ["id"] = "bench-mail", ["kind"] = "email", ["to"] = new JsonArray("desk@example.org") }),
            ["recipients"] = new JsonArray(
                new JsonObject { ["audience"] = $"team:{Credentials.Team}", ["contactPoints"] = new JsonArray("bench-hook") },
                new JsonObject { ["audience"] = $"team:{MailTeam}", ["contactPoints"] = new JsonArray("bench-hook", "bench-mail") }),
            ["rules"] = new JsonArray(new JsonObject
            {
                ["id"] = "bench",
                ["steps"] = new JsonArray(new JsonObject { ["after"] = "00:00:00", ["channels"] = new JsonArray("webhook", "email") }),
            }),
        };
        using var written = await http.PutAsJsonAsync("/api/v1/config/notifications", new { document, reason = "notify benchmark" });
        written.EnsureSuccessStatusCode();
    }

    private static Dictionary<string, object?> Frustrated(string customer, string conversation, string team, int i) => new()
    {
        ["eventId"] = $"{conversation}-e",
        ["customerId"] = customer,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channel"] = "chat",
        ["kind"] = "message",
        ["text"] = i % 2 == 0 ? "This is the third time I'm calling about this, I want to speak to a manager!" : "Still broken after two weeks, I want a refund, this is unacceptable!",
        ["interactionId"] = conversation,
        ["live"] = true,
        ["team"] = team,
    };
}
