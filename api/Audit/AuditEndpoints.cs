using System.Globalization;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Audit;

/// <summary><c>GET /api/v1/audit</c>: the audit log for admins, newest first, filtered by actor, object, action and time.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(AuthPolicies.Configure).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", QueryAsync).WithName("QueryAuditLog")
            .WithSummary("Audited acts newest first: ?actor=&object= (exact, or a prefix ending in '/')&action=&from=&to= (ISO 8601)&before=&limit=");
        return group;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> QueryAsync(
        string? actor, string? @object, string? action, string? from, string? to, long? before, int? limit, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var (_, size) = Paging.Read(errors, null, limit);
        if (action is not null && !AuditActions.All.Contains(action))
        {
            errors.Add("action", $"'{action}' is not one of: {string.Join(", ", AuditActions.All)}");
        }

        var query = new AuditQuery { Actor = actor, Object = @object, Action = action, From = Time(errors, "from", from), To = Time(errors, "to", to), Before = before, Limit = size };
        if (query.From > query.To)
        {
            errors.Add("to", "must not be before from");
        }

        return errors.IsEmpty ? TypedResults.Ok(await AuditTrail.Log(grains).QueryAsync(query)) : Problems.Invalid(errors);
    }

    private static DateTimeOffset? Time(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && value.All(c => !char.IsControl(c)))
        {
            return at;
        }

        errors.Add(field, "must be an ISO 8601 time such as 2026-12-01T00:00:00Z");
        return null;
    }
}
