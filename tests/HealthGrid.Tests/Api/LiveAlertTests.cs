using System.Net;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Live;
using HealthGrid.Domain.Alerts;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>Alerts pushed through the dashboard hub, to real SignalR clients signed in as different users.</summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class LiveAlertTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    private Task<DashboardClient> SupervisorAsync(string team, string? subject = null) =>
        DashboardClient.ConnectAsync(fixture.Silo.BaseAddress, DashboardClient.TokenFor(fixture.Silo,
            new TokenRequest(subject ?? NewId("sup"), "Supervisor", [HealthGridRoles.Supervisor], Teams: [team])));

    private async Task<string> FrustrateAsync(string team)
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        using var response = await Http.PostJsonAsync("/api/v1/events", FrustratedLiveMessage(customer, team));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return customer;
    }

    [Fact]
    public async Task The_supervisors_group_receives_the_frustration_alert_and_another_team_does_not()
    {
        var (teamA, teamB) = (NewId("team"), NewId("team"));
        await using var supervisorA = await SupervisorAsync(teamA);
        await using var supervisorB = await SupervisorAsync(teamB);

        var customer = await FrustrateAsync(teamA);
        var (alert, _) = await supervisorA.WaitForAsync(a => a.CustomerId == customer);
        Assert.Equal((AlertType.Frustration, teamA), (alert.Type, alert.Team));
        Assert.NotEmpty(alert.Cues);
        Assert.NotNull(alert.CustomerHealth);

        // B's own alert arrives after A's was sent: had A's been sent to B, it would be there by now.
        var other = await FrustrateAsync(teamB);
        await supervisorB.WaitForAsync(a => a.CustomerId == other);
        Assert.DoesNotContain(supervisorB.Received, a => a.Team == teamA);
        Assert.DoesNotContain(supervisorA.Received, a => a.Team == teamB);
    }

    [Fact]
    public async Task Acknowledging_pushes_the_change_to_the_same_audience()
    {
        var team = NewId("team");
        await using var supervisor = await SupervisorAsync(team);
        var customer = await FrustrateAsync(team);
        var (raised, _) = await supervisor.WaitForAsync(a => a.CustomerId == customer);

        await Http.PostJsonAsync($"/api/v1/alerts/{raised.Id}/acknowledge", new { note = "on it" });

        var (acknowledged, _) = await supervisor.WaitForAsync(a => a.Id == raised.Id && a.State == AlertState.Acknowledged);
        Assert.True(acknowledged.Version > raised.Version);
        Assert.Equal(TestAuth.Admin.Subject, acknowledged.AcknowledgedBy);
    }

    [Fact]
    public async Task A_user_in_two_audiences_of_an_alert_receives_it_once()
    {
        var (team, agent) = (NewId("team"), NewId("agent"));
        await using var client = await SupervisorAsync(team, subject: agent);
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var ticket = NewId("T");

        // Opened 12 minutes ago under a 15-minute first response: the 75% warning goes to the assignee and the team.
        await Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket, assignee: agent, team: team, at: DateTimeOffset.UtcNow.AddMinutes(-12)));
        var (warning, _) = await client.WaitForAsync(a => a.CaseId == ticket && a.Type == AlertType.SlaWarning);
        Assert.Equal([$"user:{agent}", $"team:{team}"], warning.Audiences.Select(a => a.Group));

        var sentinel = await FrustrateAsync(team);
        await client.WaitForAsync(a => a.CustomerId == sentinel);
        Assert.Single(client.Received, a => a.Id == warning.Id && a.Version == warning.Version);
    }

    [Fact]
    public async Task An_executive_sees_every_alert()
    {
        await using var executive = await DashboardClient.ConnectAsync(fixture.Silo.BaseAddress,
            DashboardClient.TokenFor(fixture.Silo, new TokenRequest(NewId("exec"), "Executive", [HealthGridRoles.Executive])));
        var customer = await FrustrateAsync(NewId("team"));
        var (alert, _) = await executive.WaitForAsync(a => a.CustomerId == customer);
        Assert.Equal(AlertType.Frustration, alert.Type);
    }

    [Fact]
    public async Task A_connection_without_a_valid_token_is_refused()
    {
        var missing = await Assert.ThrowsAsync<HttpRequestException>(() => DashboardClient.ConnectAsync(fixture.Silo.BaseAddress, null));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);

        var forged = new TokenIssuer(new SigningKey(Microsoft.Extensions.Options.Options.Create(new AuthOptions())),
            Microsoft.Extensions.Options.Options.Create(new AuthOptions()), TimeProvider.System)
            .Issue(new TokenRequest("mallory", "Mallory", [HealthGridRoles.Admin]));
        var wrongKey = await Assert.ThrowsAsync<HttpRequestException>(() => DashboardClient.ConnectAsync(fixture.Silo.BaseAddress, forged));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_client_is_told_which_server_answered()
    {
        var connected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = DashboardClient.TokenFor(fixture.Silo, new TokenRequest("viewer", "Viewer", [HealthGridRoles.Executive]));
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Silo.BaseAddress, DashboardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        connection.On<string>(nameof(IDashboardClient.Connected), server => connected.TrySetResult(server));
        await connection.StartAsync();
        Assert.False(string.IsNullOrEmpty(await connected.Task.WaitAsync(TimeSpan.FromSeconds(10))));
    }
}
