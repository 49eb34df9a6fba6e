using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.Domain.ProcessOwners;
using HealthGrid.Domain.SystemChanges;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.GrainInterfaces.SystemChanges;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Organisation;

/// <summary>Journey stages, process owners and recent system changes.</summary>
public static class OrganisationEndpoints
{
    public static RouteGroupBuilder MapOrganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Organisation").RequireAuthorization(AuthPolicies.Organisation).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/journey-stages", ListStagesAsync).WithName("ListJourneyStages").WithSummary("Journey stages with their live volume, sentiment and effort");
        group.MapGet("/journey-stages/{id}", GetStageAsync).WithName("GetJourneyStage").WithSummary("A journey stage's live KPIs over the last 24 hours");
        group.MapGet("/process-owners", ListOwnersAsync).WithName("ListProcessOwners").WithSummary("Process owners with the complaint themes routed to them");
        group.MapGet("/process-owners/{id}", GetOwnerAsync).WithName("GetProcessOwner").WithSummary("A process owner's complaint themes over the last 24 hours");
        group.MapGet("/system-changes", ListChangesAsync).WithName("ListSystemChanges").WithSummary("Recent releases and configuration changes, newest first");
        return group;
    }

    private static async Task<Ok<JourneyStageView[]>> ListStagesAsync(IGrainFactory grains, CurrentOrganisation organisation)
    {
        var views = await Task.WhenAll(organisation.Index.Stages.Select(s => grains.GetGrain<IJourneyStageGrain>(s.Id).GetViewAsync()));
        return TypedResults.Ok(views.OfType<JourneyStageView>().ToArray());
    }

    private static async Task<Results<Ok<JourneyStageView>, NotFound>> GetStageAsync(string id, IGrainFactory grains, CurrentOrganisation organisation) =>
        organisation.Index.IsStage(id) && await grains.GetGrain<IJourneyStageGrain>(id).GetViewAsync() is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();

    /// <summary>A process owner sees their own process; planners, executives and admins see all.</summary>
    private static async Task<Ok<ProcessOwnerView[]>> ListOwnersAsync(IGrainFactory grains, CurrentOrganisation organisation, Caller caller)
    {
        var visible = organisation.Index.Owners.Where(o => caller.MaySeeProcessOwner(o.Id));
        var views = await Task.WhenAll(visible.Select(o => grains.GetGrain<IProcessOwnerGrain>(o.Id).GetViewAsync()));
        return TypedResults.Ok(views.OfType<ProcessOwnerView>().ToArray());
    }

    private static async Task<Results<Ok<ProcessOwnerView>, NotFound>> GetOwnerAsync(string id, IGrainFactory grains, CurrentOrganisation organisation, Caller caller) =>
        organisation.Index.Owner(id) is not null && caller.MaySeeProcessOwner(id) && await grains.GetGrain<IProcessOwnerGrain>(id).GetViewAsync() is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();

    private static async Task<Ok<SystemChangeRecord[]>> ListChangesAsync(IGrainFactory grains, string? product, DateTimeOffset? since) =>
        TypedResults.Ok(await grains.GetGrain<ISystemChangeLogGrain>(ISystemChangeLogGrain.GlobalKey).GetRecentAsync(product, since));
}
