using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Cases;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Ingest;
using HealthGrid.GrainInterfaces.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Alerts;

/// <summary>Alerts of every type: listed by audience, state, type, customer or case; acknowledged and resolved by the grain that raised them.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization(AuthPolicies.Alerts).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListAlerts")
            .WithSummary("Alerts filtered by audience (team:<id>, user:<id>, owner:<id>, account:<id>, leadership), state, type, customer or case, newest first");
        group.MapGet("/{id}", GetAsync).WithName("GetAlert").WithSummary("An alert with its lifecycle: who acknowledged and resolved it, and when");
        group.MapAction<Alert>("acknowledge", (id, _, context, grains, caller) => ActAsync(id, AlertState.Acknowledged, context, grains, caller))
            .WithName("AcknowledgeAlert").WithSummary("Acknowledge an alert: an SLA breach stops escalating");
        group.MapAction<Alert>("resolve", (id, _, context, grains, caller) => ActAsync(id, AlertState.Resolved, context, grains, caller))
            .WithName("ResolveAlert").WithSummary("Resolve an alert");
        return group;
    }

    private static async Task<Results<Ok<AlertPage>, ValidationProblem>> ListAsync(
        IGrainFactory grains, Caller caller, string? audience, string? state, string? type, string? customerId, string? caseId, int? offset, int? limit)
    {
        var errors = new FieldErrors();
        var (from, size) = Paging.Read(errors, offset, limit);
        Audience? parsed = null;
        if (audience is not null)
        {
            if (Audience.TryParse(audience, out var a))
            {
                parsed = a;
            }
            else
            {
                errors.Add("audience", $"'{audience}' is not one of: user:<id>, team:<id>, owner:<id>, account:<id>, leadership");
            }
        }

        var query = new AlertQuery
        {
            Audience = parsed,
            State = EnumFields.Parse<AlertState>(errors, "state", state, required: false),
            Type = EnumFields.Parse<AlertType>(errors, "type", type, required: false),
            CustomerId = customerId,
            CaseId = caseId,
            Offset = from,
            Limit = size,
            VisibleAudiences = caller.VisibleAudiences,
            VisibleAccounts = caller.Accounts,
        };
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IDirectoryGrain>(0).QueryAlertsAsync(query));
    }

    /// <summary>An alert for an audience the caller is not in answers 404, exactly like one that does not exist.</summary>
    private static async Task<Results<Ok<Alert>, NotFound>> GetAsync(string id, IGrainFactory grains, Caller caller) =>
        await grains.GetGrain<IDirectoryGrain>(0).GetAlertAsync(id) is { } alert && caller.MaySee(alert) ? TypedResults.Ok(alert) : TypedResults.NotFound();

    private static async Task<Results<Ok<Alert>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> ActAsync(
        string id, AlertState to, HttpContext context, IGrainFactory grains, Caller caller)
    {
        if (await grains.GetGrain<IDirectoryGrain>(0).GetAlertAsync(id) is not { } alert || !caller.MaySee(alert))
        {
            return TypedResults.NotFound();
        }

        var result = await AlertOwners.Of(grains, alert).ActOnAlertAsync(id, to, caller.Subject);
        if (result.Status == IngestStatus.Accepted)
        {
            await AuditTrail.RecordAsync(grains, context, caller, to == AlertState.Acknowledged ? AuditActions.AlertAcknowledge : AuditActions.AlertResolve, $"alert/{id}",
                new { type = alert.Type, customerId = alert.CustomerId });
        }

        return ActionOutcomes.From(context, result.Status, result.Alert, result.Error);
    }
}
