using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Sources;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Projections;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Customers;

public static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(AuthPolicies.Customers).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListCustomers")
            .WithSummary("Customers filtered by account, band, tier, region, segment, criticality or churn level, least healthy first")
            .WithDescription("Answered from the customer directory, never by calling every customer grain. The directory follows the live model within the projection flush interval (100 ms by default).");
        group.MapGet("/{id}", GetAsync).WithName("GetCustomer").WithSummary("A customer's profile and live health: score, band, components, drivers, trend, churn risk");
        group.MapGet("/{id}/score-history", HistoryAsync).WithName("GetScoreHistory").WithSummary("Score changes newest first, each with the event and drivers that moved it");
        group.MapGet("/{id}/export", CustomerExport.ExportAsync).WithName("ExportCustomer").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .WithSummary("Everything held about a customer as one JSON document: profile, health, score history, cases, alerts, notifications, events with their texts");
        group.MapDelete("/{id}", CustomerErasureEndpoint.EraseAsync).RequireAuthorization(AuthPolicies.Configure).LimitBody(BodyLimits.Small).WithName("EraseCustomer")
            .Accepts<ErasureRequest>(isOptional: true, "application/json")
            .WithSummary("Erase a customer (GDPR art. 17) everywhere HealthGrid keeps it, with a reason; answers what was removed, as counts")
            .WithDescription("Removes the profile, events, snapshot, score history, cases, alerts, notifications and their delivery log, conversations, continuity results and claimed ids, and the customer's id and details from the audit log; the stage, owner and account tallies lose its share. Safe to repeat. Admins only.");
        group.MapPut("/{id}", PutAsync).RequireAuthorization(AuthPolicies.Configure).LimitBody(BodyLimits.Small).WithName("PutCustomer").WithSummary("Create or replace a customer; its account must exist");
        return group;
    }

    private static async Task<Results<Ok<CustomerPage>, ValidationProblem>> ListAsync(
        IGrainFactory grains, Caller caller, string? accountId, string? band, string? tier, string? region, string? segment, string? criticality, string? churn, int? offset, int? limit)
    {
        var errors = new FieldErrors();
        var (from, size) = Paging.Read(errors, offset, limit);
        var query = new CustomerQuery
        {
            AccountId = accountId,
            Band = EnumFields.Parse<HealthBand>(errors, "band", band, required: false),
            Tier = EnumFields.Parse<Tier>(errors, "tier", tier, required: false),
            Region = region,
            Segment = segment,
            Criticality = EnumFields.Parse<Criticality>(errors, "criticality", criticality, required: false),
            ChurnLevel = EnumFields.Parse<ChurnLevel>(errors, "churn", churn, required: false),
            Offset = from,
            Limit = size,
            VisibleAccounts = caller.VisibleAccounts,
        };
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IDirectoryGrain>(0).QueryCustomersAsync(query));
    }

    /// <summary>A customer of an account the caller may not see answers 404, exactly like one that does not exist.</summary>
    private static async Task<Results<Ok<CustomerView>, NotFound>> GetAsync(string id, IGrainFactory grains, Caller caller, StaleSources sources) =>
        await grains.GetGrain<ICustomerGrain>(id).GetViewAsync() is { } view && caller.MaySeeAccount(view.Profile.AccountId) ? TypedResults.Ok(sources.Annotate(view)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ScoreHistoryPage>, NotFound, ValidationProblem>> HistoryAsync(string id, long? before, int? limit, IGrainFactory grains, Caller caller)
    {
        var customer = grains.GetGrain<ICustomerGrain>(id);
        if (!caller.SeesEveryCustomer && (await customer.GetAccountIdAsync() is not { } accountId || !caller.MaySeeAccount(accountId)))
        {
            return TypedResults.NotFound();
        }

        var errors = new FieldErrors();
        var (_, size) = Paging.Read(errors, 0, limit);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return await customer.GetScoreHistoryAsync(before, size) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<CustomerProfile>, Ok<CustomerProfile>, ValidationProblem>> PutAsync(
        string id, CustomerRequest? request, CustomerValidator validator, IGrainFactory grains, HttpContext context, Caller caller)
    {
        if (request is null)
        {
            return Problems.Invalid("body", "is required");
        }

        var errors = new FieldErrors();
        if (validator.Validate(id, request, errors) is not { } profile)
        {
            return Problems.Invalid(errors);
        }

        var result = await grains.GetGrain<ICustomerGrain>(id).UpsertProfileAsync(profile);
        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Field ?? "body", result.Error!);
        }

        await AuditTrail.RecordChangeAsync(grains, context, caller, AuditActions.CustomerProfile, $"customer/{id}", result.Previous, profile);

        return result.Created ? TypedResults.Created($"/api/v1/customers/{id}", profile) : TypedResults.Ok(profile);
    }
}
