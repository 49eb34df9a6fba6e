using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.ProcessOwners;

/// <summary>Process owners with the complaint themes routed to them.</summary>
public static class ProcessOwnerEndpoints
{
    public static RouteGroupBuilder MapProcessOwnerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/process-owners").WithTags("Process owners").RequireAuthorization(AuthPolicies.Organisation).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListProcessOwners").WithSummary("Process owners with the complaint themes routed to them");
        group.MapGet("/{id}", GetAsync).WithName("GetProcessOwner").WithSummary("A process owner's complaint themes over the last 24 hours");
        return group;
    }

    /// <summary>A process owner sees their own process; planners, executives and admins see all.</summary>
    private static async Task<Ok<ProcessOwnerView[]>> ListAsync(IGrainFactory grains, CurrentOrganisation organisation, Caller caller)
    {
        var visible = organisation.Index.Owners.Where(o => caller.MaySeeProcessOwner(o.Id));
        var views = await Task.WhenAll(visible.Select(o => grains.GetGrain<IProcessOwnerGrain>(o.Id).GetViewAsync()));
        return TypedResults.Ok(views.OfType<ProcessOwnerView>().ToArray());
    }

    private static async Task<Results<Ok<ProcessOwnerView>, NotFound>> GetAsync(string id, IGrainFactory grains, CurrentOrganisation organisation, Caller caller) =>
        organisation.Index.Owner(id) is not null && caller.MaySeeProcessOwner(id) && await grains.GetGrain<IProcessOwnerGrain>(id).GetViewAsync() is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
}
