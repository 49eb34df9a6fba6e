using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Audit;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Projections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Accounts;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireAuthorization(AuthPolicies.Customers).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("List accounts");
        group.MapGet("/{id}", GetAsync).WithName("GetAccount").WithSummary("An account with its live roll-up and customers, least healthy first");
        group.MapPut("/{id}", PutAsync).RequireAuthorization(AuthPolicies.Configure).LimitBody(BodyLimits.Small).WithName("PutAccount").WithSummary("Create or replace an account");
        return group;
    }

    private static async Task<Ok<AccountProfile[]>> ListAsync(IGrainFactory grains, Caller caller) =>
        TypedResults.Ok((await grains.GetGrain<IDirectoryGrain>(0).ListAccountsAsync()).Where(a => caller.MaySeeAccount(a.Id)).ToArray());

    /// <summary>Another manager's account answers 404, exactly like one that does not exist.</summary>
    private static async Task<Results<Ok<AccountView>, NotFound>> GetAsync(string id, IGrainFactory grains, Caller caller) =>
        caller.MaySeeAccount(id) && await grains.GetGrain<IAccountGrain>(id).GetViewAsync() is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Results<Created<AccountProfile>, Ok<AccountProfile>, ValidationProblem>> PutAsync(
        string id, AccountRequest? request, AccountValidator validator, IGrainFactory grains, HttpContext context, Caller caller)
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

        var account = grains.GetGrain<IAccountGrain>(id);
        var before = (await account.GetViewAsync())?.Profile;
        var created = await account.UpsertProfileAsync(profile);
        await AuditTrail.RecordChangeAsync(grains, context, caller, AuditActions.AccountProfile, $"account/{id}", before, profile);
        return created ? TypedResults.Created($"/api/v1/accounts/{id}", profile) : TypedResults.Ok(profile);
    }
}
