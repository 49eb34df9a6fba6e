using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Wire;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Identity;

/// <summary>
/// The identity map: which customer an identifier in another system (a Zendesk organisation, an e-mail
/// domain, a CRM account) is. One identifier, one customer: a mapping to another customer is refused
/// naming both. Mapping an identifier applies the events parked for want of it.
/// </summary>
public static class IdentityEndpoints
{
    public static RouteGroupBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/identities").WithTags("Identity").RequireAuthorization(AuthPolicies.ReadConfiguration).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).WithName("ListIdentities").WithSummary("Mappings of external identifiers to customers, by scheme and id");
        group.MapPut("/{scheme}/{**externalId}", PutAsync).RequireAuthorization(AuthPolicies.Configure).LimitBody(BodyLimits.Small)
            .WithName("PutIdentity").WithSummary("Map an external identifier to a customer")
            .WithDescription("201 when mapped, 200 when it was already; 409 naming both customers when it is another's; the answer says how many parked events the mapping applied.");
        group.MapDelete("/{scheme}/{**externalId}", DeleteAsync).RequireAuthorization(AuthPolicies.Configure).WithName("DeleteIdentity").WithSummary("Remove a mapping");
        group.MapPost("/import", IdentityImport.ImportAsync).RequireAuthorization(AuthPolicies.Configure).Accepts<IdentityLine>("application/x-ndjson").LimitBody(BodyLimits.Import)
            .WithName("ImportIdentities").WithSummary("Map identifiers from JSON lines: {\"scheme\", \"externalId\", \"customerId\"} per line")
            .WithDescription("Each line stands alone: a refused line (a field at fault, an identifier that is another customer's, an unknown customer) is reported with its number and the others are mapped.");

        app.MapGet("/api/v1/ingest/parked", ListParkedAsync).WithTags("Identity").RequireAuthorization(AuthPolicies.ReadConfiguration).RequireRateLimiting(RateLimits.Reads)
            .WithName("ListParkedEvents").WithSummary("Events parked because no mapping resolves their customer, oldest first, with why");
        return group;
    }

    private static async Task<Results<Ok<IdentityViewPage>, ValidationProblem>> ListAsync(string? customerId, string? scheme, int? offset, int? limit, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var page = Paging.Read(errors, offset, limit);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var found = await Grain(grains).ListAsync(customerId, scheme, page.Offset, page.Limit);
        return TypedResults.Ok(new IdentityViewPage([.. found.Items.Select(View)], found.Total));
    }

    private static async Task<Results<Created<IdentityView>, Ok<IdentityView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string scheme, string externalId, IdentityRequest? request, IGrainFactory grains, CustomerGrainReferences customers, TimeProvider time, HttpContext context, Caller caller)
    {
        var errors = new FieldErrors();
        if (request is null)
        {
            errors.Add("body", "is required");
        }
        else
        {
            IdentityImport.Unknown(errors, "", request);
        }

        var mapping = await IdentityImport.CheckAsync(scheme, externalId, request?.CustomerId, customers, time, caller, errors);
        if (mapping is null)
        {
            return Problems.Invalid(errors);
        }

        var outcome = await Grain(grains).MapAsync(mapping);
        if (outcome.Result.Owner is { } owner)
        {
            return Problems.AtField(StatusCodes.Status409Conflict, "The identifier belongs to another customer.", "externalId", IdentityImport.Taken(mapping, owner));
        }

        await AuditTrail.RecordAsync(grains, context, caller, AuditActions.IdentityMap, $"identity/{mapping.Ref}", new { mapping.CustomerId, outcome.Applied });
        var view = View(mapping) with { Applied = outcome.Applied };
        return outcome.Result.Created ? TypedResults.Created($"/api/v1/identities/{mapping.Ref}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string scheme, string externalId, IGrainFactory grains, HttpContext context, Caller caller)
    {
        var identity = new IdentityRef(scheme, externalId);
        if (!await Grain(grains).UnmapAsync(identity))
        {
            return TypedResults.NotFound();
        }

        await AuditTrail.RecordAsync(grains, context, caller, AuditActions.IdentityUnmap, $"identity/{identity}");
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ParkedViewPage>, ValidationProblem>> ListParkedAsync(string? source, int? offset, int? limit, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var page = Paging.Read(errors, offset, limit);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var found = await Grain(grains).ListParkedAsync(source, page.Offset, page.Limit);
        return TypedResults.Ok(new ParkedViewPage(
            [.. found.Items.Select(p => new ParkedView(p.Event.EventId, EnumNames<Domain.Ingest.InteractionKind>.Name(p.Event.Kind), p.Source, [.. p.Refs.Select(r => r.ToString())], p.Reason, p.Event.OccurredAt, p.ParkedAt))],
            found.Total));
    }

    internal static IIdentityGrain Grain(IGrainFactory grains) => grains.GetGrain<IIdentityGrain>(0);

    private static IdentityView View(IdentityMapping m) => new(m.Ref.Scheme, m.Ref.ExternalId, m.CustomerId, m.At, m.By);
}
