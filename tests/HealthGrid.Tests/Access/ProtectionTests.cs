using System.Diagnostics;
using System.Net;
using System.Text;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Customers;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HealthGrid.Tests.Access;

/// <summary>Rate limits, body limits, CORS and development mode, each on a silo configured for it.</summary>
public sealed class ProtectionTests
{
    [Fact]
    public async Task A_client_over_its_read_budget_gets_429_with_retry_after_and_another_client_is_unaffected()
    {
        await using var silo = await InProcessSilo.StartAsync("--HealthGrid:RateLimits:ReadsPerSecond=1", "--HealthGrid:RateLimits:ReadsBurst=3");
        using var noisy = silo.ClientAs(new TokenRequest("noisy", "Noisy script", [HealthGridRoles.Executive]));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await noisy.GetAsync("/api/v1/cases");
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After is missing");
        Assert.Equal(429, (await refused.ReadAsync<ProblemDetails>()).Status);
        using var other = silo.ClientAs(new TokenRequest("calm", "Another user", [HealthGridRoles.Executive]));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/cases")).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_endpoints_limit_is_413_with_a_problem_and_changes_nothing()
    {
        await using var silo = await InProcessSilo.StartAsync();
        var note = new string('x', 100_000);
        var customer = await TestOrganisation.CreateCustomerAsync(silo.Http, await TestOrganisation.CreateAccountAsync(silo.Http));
        var huge = new StringContent($$"""{"eventId":"e-1","customerId":"{{customer}}","kind":"message","channel":"chat","occurredAt":"2026-11-25T09:00:00Z","text":"{{note}}"}""", Encoding.UTF8, "application/json");
        using var response = await silo.Http.PostAsync("/api/v1/events", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await response.ReadAsync<ProblemDetails>()).Status);
        Assert.Empty((await silo.Http.GetJsonAsync<ScoreHistoryPage>($"/api/v1/customers/{customer}/score-history")).Items);
    }

    [Fact]
    public async Task Cors_is_closed_unless_an_origin_is_configured()
    {
        await using var closed = await InProcessSilo.StartAsync();
        Assert.False((await PreflightAsync(closed, "https://elsewhere.example")).Headers.Contains("Access-Control-Allow-Origin"));

        await using var open = await InProcessSilo.StartAsync("--HealthGrid:Cors:AllowedOrigins:0=https://portal.example");
        var allowed = await PreflightAsync(open, "https://portal.example");
        Assert.Equal("https://portal.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await PreflightAsync(open, "https://elsewhere.example")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Development_mode_lists_demo_users_and_signs_them_in_and_production_has_no_such_route()
    {
        await using var development = await InProcessSilo.StartAsync("--HealthGrid:Auth:Development=true");
        using var anonymous = TestAuth.Client(development.BaseAddress, token: null);
        var users = await anonymous.GetJsonAsync<DemoUserRow[]>("/api/v1/dev/users");
        Assert.Equal(["account_manager", "supervisor", "process_owner", "executive", "continuity_planner", "ingest", "admin"], users.SelectMany(u => u.Roles).Distinct());
        using var signIn = await anonymous.PostAsync("/api/v1/dev/users/sup-emea/token", null);
        var token = (await signIn.ReadAsync<SignInRow>()).Token;
        using var supervisor = TestAuth.Client(development.BaseAddress, token);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/v1/customers")).StatusCode);

        await using var production = await InProcessSilo.StartAsync("--HealthGrid:Auth:Development=false");
        Assert.Equal(HttpStatusCode.NotFound, (await production.Http.GetAsync("/api/v1/dev/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestAuth.Client(production.BaseAddress, token: null).GetAsync("/api/v1/dev/users")).StatusCode);
    }

    [Fact]
    public async Task The_token_command_mints_a_demo_users_token_with_their_scope()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { SiloProcess.SiloAssembly, "token", "am-avery" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        var token = new JsonWebToken(output.Trim());
        Assert.Equal("am-avery", token.Subject);
        Assert.Equal("account_manager", token.GetClaim("role").Value);
        Assert.Contains(token.Claims, c => c.Type == "account" && c.Value == "acct-001");
    }

    private static async Task<HttpResponseMessage> PreflightAsync(InProcessSilo silo, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/cases");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await silo.Http.SendAsync(request);
    }

    private sealed record DemoUserRow(string Id, string[] Roles);

    private sealed record SignInRow(string Token);
}
