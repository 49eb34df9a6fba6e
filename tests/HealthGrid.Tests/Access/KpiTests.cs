using HealthGrid.Api.Kpis;
using HealthGrid.Domain.Kpis;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.Tests.Access;

/// <summary>The leadership KPIs: read once, then pushed to executives (and nobody else) every few seconds.</summary>
[Collection(AccessCollection.Name)]
public sealed class KpiTests(AccessWorld world)
{
    [Fact]
    public async Task Executives_get_the_kpis_read_and_pushed_and_managers_never_do()
    {
        using var executiveHttp = world.Silo.ClientAs(AccessWorld.Executive);
        var read = await executiveHttp.GetJsonAsync<KpiSnapshot>("/api/v1/kpis");
        Assert.True(read.Customers.Healthy + read.Customers.AtRisk + read.Customers.Critical >= 2);
        Assert.Contains(read.Stages, s => s.Id == "billing");
        Assert.True(read.EscalationsLastHour >= 0);

        await using var executive = await DashboardClient.ConnectAsync(world.Silo.BaseAddress, TestAuth.Token(AccessWorld.Executive));
        await using var manager = await DashboardClient.ConnectAsync(world.Silo.BaseAddress, TestAuth.Token(world.ManagerA));
        await world.Silo.App.Services.GetRequiredService<KpiPublisher>().RunNowAsync();
        await executive.UntilAsync(() => !executive.Kpis.IsEmpty, "a KPI push");
        var pushed = executive.Kpis.ToArray();
        Assert.Equal(read.Stages.Select(s => s.Id), pushed[0].Stages.Select(s => s.Id));
        Assert.Empty(manager.Kpis);
    }
}
