using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HealthGrid.LoadTests.Measure;
using HealthGrid.LoadTests.Workloads;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>
/// A configuration change at scale: many active customers with an open case each, then the
/// critical-accounts first-response target previewed and changed, alternately shorter and back, a
/// few rounds. Times the preview and the write (which answers once every silo has re-evaluated its
/// active customers) and checks that a case's deadline moved.
/// </summary>
public static class ConfigurationChangeScenario
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(Uri server, Credentials credentials, int customers, int rounds, TextWriter output)
    {
        using var http = credentials.Http(server, timeout: TimeSpan.FromMinutes(2));
        var tenant = await Tenant.CreateAsync(http, customers);
        var tickets = tenant.Customers.Select((customer, i) => (Id: $"{tenant.AccountId}-T{i}", Customer: customer)).ToList();
        var opening = Stopwatch.StartNew();
        foreach (var batch in tickets.Chunk(BatchSize))
        {
            using var response = await http.PostAsJsonAsync("/api/v1/events/batch", new { events = batch.Select(t => Opened(t.Id, t.Customer)) }, Tenant.Json);
            response.EnsureSuccessStatusCode();
        }

        output.WriteLine($"config-change: {customers} active customers with an open case each (opened in {opening.Elapsed.TotalSeconds:0.0} s)");
        var failed = 0;
        for (var round = 0; round < rounds; round++)
        {
            var current = (await http.GetFromJsonAsync<JsonObject>("/api/v1/config/sla"))!;
            var document = current["document"]!.DeepClone();
            var target = round % 2 == 0 ? "00:05:00" : "00:15:00";
            document["policies"]![0]!["targets"]!["firstResponse"] = target;

            var preview = Stopwatch.StartNew();
            using var previewed = await http.PostAsJsonAsync("/api/v1/config/sla/preview", new { document });
            var previewTook = preview.Elapsed;
            previewed.EnsureSuccessStatusCode();
            var moves = (int)(await previewed.Content.ReadFromJsonAsync<JsonObject>())!["deadlineMoveCount"]!;

            var write = Stopwatch.StartNew();
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/config/sla") { Content = JsonContent.Create(new { document, reason = $"benchmark round {round + 1}" }) };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{(long)current["version"]!}\"");
            using var written = await http.SendAsync(request);
            var writeTook = write.Elapsed;
            written.EnsureSuccessStatusCode();
            var result = (await written.Content.ReadFromJsonAsync<JsonObject>())!;

            var sample = tickets[tickets.Count / 2].Id;
            var clock = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{sample}"))!["clocks"]!.AsArray().Single(c => (string)c!["metric"]! == "first_response")!;
            var opened = (DateTimeOffset)(await http.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{sample}"))!["openedAt"]!;
            var moved = (DateTimeOffset)clock["dueAt"]! - opened == TimeSpan.Parse(target, CultureInfo.InvariantCulture);
            failed += moved && moves >= customers ? 0 : 1;
            output.WriteLine($"round {round + 1} (first response {target}): preview {previewTook.TotalMilliseconds:0} ms ({moves} deadlines would move); "
                + $"write in force on {(int)result["appliedOn"]!} of {(int)result["silos"]!} silos in {writeTook.TotalMilliseconds:0} ms; sample case moved: {moved}");
        }

        return failed == 0 ? 0 : 1;
    }

    private static Dictionary<string, object?> Opened(string ticket, string customer) => new()
    {
        ["eventId"] = $"{ticket}-opened",
        ["customerId"] = customer,
        ["occurredAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["channel"] = "email",
        ["kind"] = "ticket_opened",
        ["ticket"] = new { ticketId = ticket, severity = "high", category = "general", assignee = "agent-loadtests", team = "team-loadtests" },
    };
}
