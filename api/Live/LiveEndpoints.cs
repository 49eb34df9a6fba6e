using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Kpis;
using HealthGrid.Domain.Kpis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Live;

/// <summary>
/// The first state of the live views, before pushes take over: conversations in progress (a
/// supervisor's teams, a manager's accounts) and the leadership KPIs.
/// </summary>
public static class LiveEndpoints
{
    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/interactions/live", (LiveConversations conversations, Caller caller) =>
                TypedResults.Ok(conversations.Current(c => caller.SeesEverything || caller.Teams.Contains(c.Team) || caller.Accounts.Contains(c.AccountId))))
            .RequireAuthorization(AuthPolicies.Conversations).RequireRateLimiting(RateLimits.Reads)
            .WithTags("Live").WithName("ListLiveInteractions").WithSummary("Live chats and calls in progress that the caller may see, most frustrated first");
        app.MapGet("/api/v1/kpis", async Task<Ok<KpiSnapshot>> (KpiCalculator calculator) => TypedResults.Ok(await calculator.ComputeAsync()))
            .RequireAuthorization(AuthPolicies.Leadership).RequireRateLimiting(RateLimits.Reads)
            .WithTags("Live").WithName("GetKpis").WithSummary("Leadership KPIs: customers per band, SLA compliance, CSAT/NPS/CES with hourly trends, escalations per hour, journey-stage heat map");
        return app;
    }
}
