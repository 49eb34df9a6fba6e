using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Projections;
using HealthGrid.Silo.Demo;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.Tests.Api;

/// <summary>The demo organisation and traffic of the quick start, on a small scale.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_loads_valid_history_with_resolved_and_open_cases_and_live_traffic_raises_alerts()
    {
        await using var silo = await InProcessSilo.StartAsync(
            "--HealthGrid:Demo:Enabled=true", "--HealthGrid:Demo:Accounts=3", "--HealthGrid:Demo:CustomersPerAccount=10", "--HealthGrid:Demo:TrafficPerSecond=40");
        var demo = silo.App.Services.GetRequiredService<DemoRunner>();
        await demo.Loaded.WaitAsync(TimeSpan.FromSeconds(60));

        var customers = await silo.Http.GetJsonAsync<CustomerPage>("/api/v1/customers?limit=100");
        Assert.Equal(30, customers.Total);
        var resolved = await silo.Http.GetJsonAsync<CasePage>("/api/v1/cases?open=false&limit=1");
        Assert.True(resolved.Total > 0);
        var open = await silo.Http.GetJsonAsync<CasePage>("/api/v1/cases?open=true&limit=500");
        Assert.Contains(open.Items, c => c.Origin == CaseOrigin.Ticket && c.Assignee is not null && c.Team is not null);

        // Live traffic in real time: a few seconds bring alerts (recent tickets warn or breach, chats turn frustrated,
        // health falls). Real seconds are what this test is about, so it looks again until they have.
        var alerts = await Eventually.Until(() => silo.Http.GetJsonAsync<AlertPage>("/api/v1/alerts?limit=500"), p => p.Total >= 3, TimeSpan.FromSeconds(30), "demo alerts");
        Assert.Contains(alerts.Items, a => a.Type is AlertType.SlaWarning or AlertType.SlaBreach);
        Assert.Equal(0, demo.InvalidEvents);
    }
}
