using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Sources;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Sources;
using HealthGrid.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// An ingest client expected every 10 minutes, on a fake clock: it delivers, goes quiet, and at its window
/// a source_stale alert reaches the operators and leadership and the customer's view says the data
/// behind its score is stale; its next event resolves the alert and the note goes.
/// </summary>
public sealed class SourceFreshnessApiTests : IAsyncLifetime
{
    private static readonly string Source = SourceNames.Api(TestAuth.Admin.Subject);
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private InProcessSilo silo = null!;

    public async Task InitializeAsync() => silo = await InProcessSilo.StartOnClockAsync(clock,
        $"--HealthGrid:Connectors:Sources:0:Id={Source}",
        "--HealthGrid:Connectors:Sources:0:Name=the CRM sync",
        "--HealthGrid:Connectors:Sources:0:QuietAfter=00:10:00");

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task A_quiet_source_raises_source_stale_at_its_window_and_resolves_on_its_next_event()
    {
        await using var leadership = await DashboardClient.ConnectAsync(silo.BaseAddress,
            DashboardClient.TokenFor(silo, new TokenRequest(NewId("exec"), "Executive", [HealthGridRoles.Executive])));
        var customer = await CreateCustomerAsync(silo.Http, await CreateAccountAsync(silo.Http));
        await PostAsync(Survey(customer, "nps", 9, clock.GetUtcNow()));
        await CheckAsync();

        var fresh = await silo.Http.GetJsonAsync<SourceView>($"/api/v1/sources/{Source}");
        Assert.Equal(("the CRM sync", 1L, false), (fresh.Name, fresh.EventsLastHour, fresh.Stale));
        Assert.False((await ViewAsync(customer)).Sources.Single(s => s.Source == Source).Stale);

        clock.Advance(TimeSpan.FromMinutes(9));
        await CheckAsync();
        Assert.False((await silo.Http.GetJsonAsync<SourceView>($"/api/v1/sources/{Source}")).Stale);

        clock.Advance(TimeSpan.FromMinutes(2));
        await CheckAsync();
        var (raised, _) = await leadership.WaitForAsync(a => a.Type == AlertType.SourceStale && a.OwnerId == Source);
        Assert.Equal(["operators", "leadership"], raised.Audiences.Select(a => a.Group));
        Assert.Contains("no events from the CRM sync for 11 min", raised.Message, StringComparison.Ordinal);
        var stale = (await ViewAsync(customer)).Sources.Single(s => s.Source == Source);
        Assert.Equal(("the CRM sync", true), (stale.Name, stale.Stale));
        Assert.Contains("no events from the CRM sync for 11 min", stale.Note, StringComparison.Ordinal);
        Assert.Contains(await silo.Http.GetJsonAsync<SourceView[]>("/api/v1/sources"), s => s.Id == Source && s.Stale);

        await PostAsync(Survey(customer, "nps", 8, clock.GetUtcNow()));
        await CheckAsync();
        var (resolved, _) = await leadership.WaitForAsync(a => a.Id == raised.Id && a.State == AlertState.Resolved);
        Assert.Equal("healthgrid", resolved.ResolvedBy);
        var recovered = (await ViewAsync(customer)).Sources.Single(s => s.Source == Source);
        Assert.Equal((false, (string?)null), (recovered.Stale, recovered.Note));
    }

    /// <summary>A check as every silo runs it every 15 s, run now and awaited.</summary>
    private Task CheckAsync() => silo.Service<SourceWatch>().RunNowAsync();

    private Task<CustomerView> ViewAsync(string customer) => silo.Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}");

    private async Task PostAsync(Dictionary<string, object?> body)
    {
        using var response = await silo.Http.PostJsonAsync("/api/v1/events", body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
