using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Sources;
using HealthGrid.GrainInterfaces.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Sources;

/// <summary>The sources of events and their freshness, for operators (admins and monitoring).</summary>
public static class SourceEndpoints
{
    public static RouteGroupBuilder MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sources").WithTags("Sources").RequireAuthorization(AuthPolicies.Metrics).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListSources")
            .WithSummary("Every source events came from and every expected one: last event, events in the last hour, lag p95, and whether it is stale now");
        group.MapGet("/{id}", GetAsync).WithName("GetSource").WithSummary("One source's freshness");
        return group;
    }

    private static async Task<Ok<SourceView[]>> ListAsync(IGrainFactory grains, IOptionsMonitor<ConnectorOptions> connectors)
    {
        var ids = (await grains.GetGrain<ISourceDirectoryGrain>(0).ListAsync())
            .Union(connectors.CurrentValue.Sources.Select(s => s.Id), StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return TypedResults.Ok(await Task.WhenAll(ids.Select(id => grains.GetGrain<ISourceGrain>(id).GetAsync())));
    }

    private static async Task<Results<Ok<SourceView>, NotFound>> GetAsync(string id, IGrainFactory grains, IOptionsMonitor<ConnectorOptions> connectors)
    {
        var known = connectors.CurrentValue.Sources.Any(s => s.Id == id) || (await grains.GetGrain<ISourceDirectoryGrain>(0).ListAsync()).Contains(id, StringComparer.Ordinal);
        return known ? TypedResults.Ok(await grains.GetGrain<ISourceGrain>(id).GetAsync()) : TypedResults.NotFound();
    }
}
