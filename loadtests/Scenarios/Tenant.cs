using System.Text;
using System.Text.Json;
using HealthGrid.Infrastructure;

namespace HealthGrid.LoadTests.Scenarios;

/// <summary>An account of its own per run with gold customers (the tier with the shortest SLA targets), imported in one request.</summary>
public sealed class Tenant
{
    private Tenant(string accountId, string[] customers)
    {
        AccountId = accountId;
        Customers = customers;
    }

    public string AccountId { get; }

    public string[] Customers { get; }

    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static async Task<Tenant> CreateAsync(HttpClient http, int customers)
    {
        var run = $"lt{DateTimeOffset.UtcNow:HHmmss}{Random.Shared.Next(1000):D3}";
        var account = $"{run}-acct";
        var ids = Enumerable.Range(0, customers).Select(i => $"{run}-c{i}").ToArray();
        var lines = new StringBuilder();
        lines.AppendLine(JsonSerializer.Serialize(new { account = new { id = account, name = "Load test account", accountManager = "am-loadtests" } }, Json));
        foreach (var id in ids)
        {
            lines.AppendLine(JsonSerializer.Serialize(new
            {
                customer = new
                {
                    id, accountId = account, name = id, tier = "gold", segment = "enterprise", region = "EU",
                    products = new[] { "payments" }, criticality = "high", revenue = 1000,
                },
            }, Json));
        }

        using var content = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("/api/v1/import", content);
        response.EnsureSuccessStatusCode();
        return new Tenant(account, ids);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
