using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>Imports many customers through <c>POST /api/v1/import</c>, an account per chunk, each customer with the given dependencies (JSON).</summary>
public static class BulkCustomers
{
    /// <summary>Imports customers <c>{run}-c0</c> … <c>{run}-c{n-1}</c>; answers how many seconds it took.</summary>
    public static async Task<double> ImportAsync(HttpClient http, string run, int customers, int chunk, string dependenciesJson, TextWriter output, Func<int, string>? criticality = null)
    {
        var started = Stopwatch.GetTimestamp();
        for (var from = 0; from < customers; from += chunk)
        {
            var count = Math.Min(chunk, customers - from);
            var account = $"{run}-a{from / chunk}";
            var lines = new StringBuilder(count * 260);
            lines.AppendLine(JsonSerializer.Serialize(new { account = new { id = account, name = $"Load test {account}", accountManager = "am-loadtests" } }));
            for (var i = from; i < from + count; i++)
            {
                lines.Append(CultureInfo.InvariantCulture, $$$"""{"customer":{"id":"{{{run}}}-c{{{i}}}","accountId":"{{{account}}}","name":"Customer {{{i}}}","tier":"silver","segment":"smb","region":"EU","products":["payments"],"criticality":"{{{criticality?.Invoke(i) ?? "medium"}}}","revenue":{{{1000 + (i % 97) * 10}}},"dependencies":{{{dependenciesJson}}}}}""").Append('\n');
            }

            using var content = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
            using var response = await http.PostAsync("/api/v1/import", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The import was refused ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
            }

            output.WriteLine($"  {from + count:N0} customers imported ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s)");
        }

        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>An event for a customer, to check the server still answers after the load.</summary>
    public static Task<HttpResponseMessage> ProbeEventAsync(HttpClient http, string eventId, string customerId) =>
        http.PostAsJsonAsync("/api/v1/events", new { eventId, customerId, occurredAt = DateTimeOffset.UtcNow, channel = "survey", kind = "survey", survey = new { type = "nps", score = 8 } });
}
