using HealthGrid.Api.Connectors.Zammad;
using HealthGrid.Api.Connectors.Zendesk;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Ingest;
using HealthGrid.Domain.Connectors;
using HealthGrid.Domain.Identity;
using HealthGrid.Domain.Sources;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;
using HealthGrid.GrainInterfaces.Ingest;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Connectors;

/// <summary>
/// Helpdesks' webhooks (Zendesk, Zammad). A request is authenticated by its signature under the connector's secret (no
/// token: the helpdesk holds none), mapped onto our contract, validated like any event, its customer
/// resolved through the identity map — or parked — and answered once durable.
/// </summary>
public static class ConnectorEndpoints
{
    public static RouteGroupBuilder MapConnectorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/connectors").WithTags("Connectors").AllowAnonymous().RequireRateLimiting(RateLimits.Ingest);
        group.MapPost("/zendesk/{connector}", ZendeskAsync)
            .LimitBody(BodyLimits.Small)
            .WithName("ZendeskWebhook")
            .WithSummary("A Zendesk webhook: ticket events, and satisfaction ratings from a trigger")
            .WithDescription("Signed with the connector's secret (X-Zendesk-Webhook-Signature, X-Zendesk-Webhook-Signature-Timestamp): 401 when missing, wrong or stale. 200 with the event's status (accepted, duplicate, parked, ignored); 400 naming the field that could not be mapped; 409 when the ticket's case belongs to another customer; 503 with Retry-After when it cannot be made durable.");
        group.MapPost("/zammad/{connector}", ZammadAsync)
            .LimitBody(BodyLimits.Small * 4)
            .WithName("ZammadWebhook")
            .WithSummary("A Zammad webhook (a trigger's default payload): new tickets, agent and customer articles, state changes")
            .WithDescription("Signed with the connector's token (X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>): 401 when missing or wrong. 200 with the event's status (accepted, duplicate, parked, ignored); 400 naming the field that could not be mapped; 409 when the ticket's case belongs to another customer; 503 with Retry-After when it cannot be made durable.");
        return group;
    }

    private static async Task<IResult> ZammadAsync(
        string connector, HttpContext context, ConfigurationArea<ConnectorOptions> connectors, EventValidator validator, EventIngestor ingestor,
        IGrainFactory grains, RetryAfter retryAfter)
    {
        if (connectors.CurrentValue.Zammad.FirstOrDefault(z => z.Id == connector && z.Enabled) is not { } settings)
        {
            return TypedResults.NotFound();
        }

        using var body = await RequestBody.ReadAsync(context.Request);
        var signature = ZammadSignature.Verify(settings.SignatureToken, context.Request.Headers[ZammadSignature.Header], body.Memory.Span);
        if (signature != WebhookSignature.Valid)
        {
            return Unsigned(signature);
        }

        var errors = new FieldErrors();
        if (JsonBody.Parse(body.Memory, errors) is not { } root)
        {
            return Problems.Invalid(errors);
        }

        return ZammadMapping.Map(root, settings, errors) is { } mapped
            ? await IngestAsync(mapped, SourceNames.Zammad(settings.Id), context, validator, ingestor, grains, retryAfter)
            : Problems.Invalid(errors);
    }

    private static async Task<IResult> ZendeskAsync(
        string connector, HttpContext context, ConfigurationArea<ConnectorOptions> connectors, EventValidator validator, EventIngestor ingestor,
        IGrainFactory grains, TimeProvider time, RetryAfter retryAfter)
    {
        if (connectors.CurrentValue.Zendesk.FirstOrDefault(z => z.Id == connector && z.Enabled) is not { } settings)
        {
            return TypedResults.NotFound();
        }

        using var body = await RequestBody.ReadAsync(context.Request);
        var headers = context.Request.Headers;
        var signature = ZendeskSignature.Verify(settings.SigningSecret, headers[ZendeskSignature.TimestampHeader], headers[ZendeskSignature.SignatureHeader], body.Memory.Span, time.GetUtcNow(), settings.TimestampTolerance);
        if (signature != WebhookSignature.Valid)
        {
            return Unsigned(signature);
        }

        var errors = new FieldErrors();
        if (JsonBody.Parse(body.Memory, errors) is not { } root)
        {
            return Problems.Invalid(errors);
        }

        if (ZendeskMapping.Map(root, settings, errors) is not { } mapped)
        {
            return Problems.Invalid(errors);
        }

        return await IngestAsync(mapped, SourceNames.Zendesk(settings.Id), context, validator, ingestor, grains, retryAfter);
    }

    /// <summary>What every connector does with its mapped event: validated (its fields named as ours), resolved or parked, answered.</summary>
    internal static async Task<IResult> IngestAsync(
        ConnectorEvent mapped, string source, HttpContext context, EventValidator validator, EventIngestor ingestor, IGrainFactory grains, RetryAfter retryAfter)
    {
        if (mapped.Ignored is { } why)
        {
            return TypedResults.Ok(new ConnectorAnswer(null, "ignored", why));
        }

        var errors = new FieldErrors();
        if (validator.ValidateExternal(mapped.Event!, errors) is not { } interaction)
        {
            return Problems.Invalid(errors);
        }

        interaction = interaction with { Source = source };
        var outcome = (await grains.GetGrain<IIngestGrain>(0).IngestAsync([new ExternalEvent(interaction, source, mapped.Refs)]))[0];
        ingestor.Count([interaction], [outcome]);
        var answer = new ConnectorAnswer(outcome.EventId, EnumNames<IngestStatus>.Name(outcome.Status), outcome.Reason);
        return outcome.Status switch
        {
            IngestStatus.Accepted or IngestStatus.Duplicate or IngestStatus.Parked => TypedResults.Ok(answer),
            IngestStatus.Rejected => Problems.Invalid(outcome.Field ?? "body", outcome.Reason ?? "is invalid"),
            IngestStatus.Conflict => Problems.AtField(StatusCodes.Status409Conflict, "An id in the event belongs to another customer.", outcome.Field ?? "body", outcome.Reason ?? "is taken"),
            _ => Unavailable(context, retryAfter),
        };
    }

    private static ProblemHttpResult Unsigned(WebhookSignature signature) => Problems.AtField(
        StatusCodes.Status401Unauthorized,
        "The request is not signed by the connector.",
        "signature",
        signature switch
        {
            WebhookSignature.Missing => "is missing: the request carries no signature or no timestamp",
            WebhookSignature.Stale => "is too old or from the future: the timestamp is outside the connector's tolerance",
            _ => "does not match the body under the connector's secret",
        });

    private static ProblemHttpResult Unavailable(HttpContext context, RetryAfter retryAfter)
    {
        retryAfter.Set(context.Response);
        return TypedResults.Problem(title: "The event could not be made durable.", detail: "Retry after the indicated delay; a retried delivery is applied once.", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
