using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.SystemChanges;
using HealthGrid.GrainInterfaces.SystemChanges;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.SystemChanges;

/// <summary>Recent releases and configuration changes: the candidate causes of complaint spikes.</summary>
public static class SystemChangeEndpoints
{
    public static RouteGroupBuilder MapSystemChangeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/system-changes").WithTags("System changes").RequireAuthorization(AuthPolicies.Organisation).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListSystemChanges").WithSummary("Recent releases and configuration changes, newest first");
        return group;
    }

    private static async Task<Ok<SystemChangeRecord[]>> ListAsync(IGrainFactory grains, string? product, DateTimeOffset? since) =>
        TypedResults.Ok(await grains.GetGrain<ISystemChangeLogGrain>(ISystemChangeLogGrain.GlobalKey).GetRecentAsync(product, since));
}
