using System.Text;
using System.Text.Json;
using HealthGrid.Api.Infrastructure;

namespace HealthGrid.LoadTests.Workloads;

/// <summary>
/// Accounts and gold customers of the run's own (gold: the tier with the shortest SLA targets),
/// imported in one request; customers are numbered account by account, so a skewed choice of
/// customers also makes a few accounts hot.
/// </summary>
public sealed class Tenant
{
    private Tenant(string run, string[] accounts, string[] customers)
    {
        Run = run;
        Accounts = accounts;
        Customers = customers;
    }

    public string Run { get; }

    public string[] Accounts { get; }

    public string AccountId => Accounts[0];

    public string[] Customers { get; }

    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static async Task<Tenant> CreateAsync(HttpClient http, int customers, int accounts = 1)
    {
        var run = $"lt{DateTimeOffset.UtcNow:HHmmss}{Random.Shared.Next(1000):D3}";
        var accountIds = Enumerable.Range(0, Math.Max(1, accounts)).Select(a => $"{run}-a{a}").ToArray();
        var perAccount = (customers + accountIds.Length - 1) / accountIds.Length;
        var ids = Enumerable.Range(0, customers).Select(i => $"{run}-c{i}").ToArray();
        var lines = new StringBuilder();
        foreach (var account in accountIds)
        {
            lines.AppendLine(JsonSerializer.Serialize(new { account = new { id = account, name = $"Load test {account}", accountManager = "am-loadtests" } }, Json));
        }

        for (var i = 0; i < ids.Length; i++)
        {
            lines.AppendLine(JsonSerializer.Serialize(new
            {
                customer = new
                {
                    id = ids[i], accountId = accountIds[i / perAccount], name = ids[i], tier = "gold", segment = "enterprise", region = "EU",
                    products = new[] { "payments" }, criticality = "high", revenue = 1000,
                },
            }, Json));
        }

        using var content = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync("/api/v1/import", content);
        response.EnsureSuccessStatusCode();
        return new Tenant(run, accountIds, ids);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
