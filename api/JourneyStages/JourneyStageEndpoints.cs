using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.JourneyStages;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.JourneyStages;

/// <summary>Journey stages with their live volume, sentiment, effort and SLA compliance.</summary>
public static class JourneyStageEndpoints
{
    public static RouteGroupBuilder MapJourneyStageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/journey-stages").WithTags("Journey stages").RequireAuthorization(AuthPolicies.Organisation).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListJourneyStages").WithSummary("Journey stages with their live volume, sentiment and effort");
        group.MapGet("/{id}", GetAsync).WithName("GetJourneyStage").WithSummary("A journey stage's live KPIs over the last 24 hours");
        return group;
    }

    private static async Task<Ok<JourneyStageView[]>> ListAsync(IGrainFactory grains, CurrentOrganisation organisation)
    {
        var views = await Task.WhenAll(organisation.Index.Stages.Select(s => grains.GetGrain<IJourneyStageGrain>(s.Id).GetViewAsync()));
        return TypedResults.Ok(views.OfType<JourneyStageView>().ToArray());
    }

    private static async Task<Results<Ok<JourneyStageView>, NotFound>> GetAsync(string id, IGrainFactory grains, CurrentOrganisation organisation) =>
        organisation.Index.IsStage(id) && await grains.GetGrain<IJourneyStageGrain>(id).GetViewAsync() is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound();
}
