using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Privacy;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Cases;

/// <summary>Cases: one with its clocks, escalations and history; lists by customer, team, process owner and SLA state; acknowledge and resolve.</summary>
public static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(AuthPolicies.Cases).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListCases")
            .WithSummary("Cases filtered by customer, team, process owner, journey stage, SLA state and open/closed, nearest deadline first")
            .WithDescription("Answered from the case list that the customer grains keep; it includes every change acted on through this server.");
        group.MapGet("/{id}", GetAsync).WithName("GetCase").WithSummary("A case with its live SLA clocks, escalations and full history");
        group.MapAction<CaseView>("acknowledge", (id, action, context, grains, caller) => ActAsync(id, CaseAction.Acknowledge, action, context, grains, caller))
            .WithName("AcknowledgeCase").WithSummary("Acknowledge a case (counts as its first response)");
        group.MapAction<CaseView>("resolve", (id, action, context, grains, caller) => ActAsync(id, CaseAction.Resolve, action, context, grains, caller))
            .WithName("ResolveCase").WithSummary("Resolve a case: stops its clocks, closes its escalations and resolves its alerts");
        return group;
    }

    private static async Task<Results<Ok<CasePage>, ValidationProblem>> ListAsync(
        IGrainFactory grains, Caller caller, string? customerId, string? team, string? processOwner, string? journeyStage, string? slaState, bool? open, int? offset, int? limit)
    {
        var errors = new FieldErrors();
        var (from, size) = Paging.Read(errors, offset, limit);
        var query = new CaseQuery
        {
            CustomerId = customerId,
            Team = team,
            ProcessOwner = processOwner,
            JourneyStage = journeyStage,
            SlaState = EnumFields.Parse<SlaState>(errors, "slaState", slaState, required: false),
            Open = open,
            Offset = from,
            Limit = size,
            Scope = caller.CaseScope,
        };
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IDirectoryGrain>(0).QueryCasesAsync(query));
    }

    private static async Task<Results<Ok<CaseView>, NotFound>> GetAsync(string id, IGrainFactory grains, Caller caller) =>
        await VisibleCaseAsync(id, grains, caller) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Ok<CaseView>, NotFound, ValidationProblem, Conflict<ProblemDetails>, ProblemHttpResult>> ActAsync(
        string id, CaseAction action, ActionRequest body, HttpContext context, IGrainFactory grains, Caller caller)
    {
        if (await VisibleCaseAsync(id, grains, caller) is not { } @case)
        {
            return TypedResults.NotFound();
        }

        // A note is free text like a chat line: an agent may paste the customer's number into it.
        var privacy = context.RequestServices.GetRequiredService<IOptionsMonitor<PrivacyOptions>>().CurrentValue.Redaction;
        var note = body.Note is { } written ? PersonalDataMasker.Mask(written, privacy) : null;
        var result = await grains.GetGrain<ICustomerGrain>(@case.CustomerId).ActOnCaseAsync(id, action, caller.Subject, note);
        if (result.Status == IngestStatus.Accepted)
        {
            await AuditTrail.RecordAsync(grains, context, caller, action == CaseAction.Acknowledge ? AuditActions.CaseAcknowledge : AuditActions.CaseResolve, $"case/{id}",
                new { customerId = @case.CustomerId, note });
        }

        return ActionOutcomes.From(context, result.Status, result.Case, result.Error);
    }

    /// <summary>The case if the caller may see it; a case outside their scope is as absent as an unknown one.</summary>
    private static async Task<CaseView?> VisibleCaseAsync(string id, IGrainFactory grains, Caller caller) =>
        await grains.GetGrain<IDirectoryGrain>(0).CaseCustomerAsync(id) is { } customerId
        && await grains.GetGrain<ICustomerGrain>(customerId).GetCaseAsync(id) is { } view
        && caller.MaySee(view)
            ? view
            : null;
}
