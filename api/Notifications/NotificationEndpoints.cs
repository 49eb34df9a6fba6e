using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Notifications;

/// <summary>
/// The delivery log: every notification an alert change decided, with its timeline of decisions, holds,
/// attempts (status code, latency) and outcome. Authorized like the alerts they belong to: a caller sees
/// the notifications of the alerts they may see, and nothing else.
/// </summary>
public static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", ListAsync).RequireAuthorization(AuthPolicies.Alerts).WithName("ListNotifications")
            .WithSummary("Notifications filtered by alert, recipient (team:<id>, user:<id>, …), channel and state, newest decided first, each with its delivery timeline");
        group.MapGet("/endpoints", EndpointsAsync).RequireAuthorization(AuthPolicies.ReadConfiguration).WithName("NotificationEndpointHealth")
            .WithSummary("Every contact point: enabled or not, and its last day of deliveries (sent, failed, waiting, the last failure and why)");
        group.MapPost("/test", TestAsync).RequireAuthorization(AuthPolicies.Configure).LimitBody(BodyLimits.Small).WithName("SendTestNotification")
            .WithSummary("Sends a test message to a contact point now and answers what its receiver said");
        group.MapNotificationActions();
        return group;
    }

    private static async Task<Ok<EndpointHealth[]>> EndpointsAsync(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<INotificationsGrain>(0).EndpointHealthAsync());

    private static async Task<Results<Ok<TestSendResult>, ValidationProblem>> TestAsync(TestNotificationRequest request, IGrainFactory grains, Caller caller, HttpContext context)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.ContactPoint))
        {
            errors.Add("contactPoint", "is required: the id of a configured contact point");
            return Problems.Invalid(errors);
        }

        if (await grains.GetGrain<INotificationsGrain>(0).SendTestAsync(request.ContactPoint, caller.Subject) is not { } result)
        {
            errors.Add("contactPoint", $"'{request.ContactPoint}' is not a configured contact point");
            return Problems.Invalid(errors);
        }

        await AuditTrail.RecordAsync(grains, context, caller, AuditActions.NotificationTest, $"contact-point/{request.ContactPoint}", new { result.Delivered });
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> ListAsync(
        IGrainFactory grains, Caller caller, string? alertId, string? recipient, string? channel, string? state, int? offset, int? limit)
    {
        var errors = new FieldErrors();
        var (from, size) = Paging.Read(errors, offset, limit);
        var query = new NotificationQuery
        {
            AlertId = alertId,
            Recipient = recipient,
            Channel = EnumFields.Parse<ChannelKind>(errors, "channel", channel, required: false),
            State = EnumFields.Parse<NotificationState>(errors, "state", state, required: false),
            Offset = from,
            Limit = size,
            VisibleAudiences = caller.VisibleAudiences,
            VisibleAccounts = caller.Accounts,
        };
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<INotificationsGrain>(0).QueryAsync(query));
    }
}
