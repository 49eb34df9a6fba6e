using System.Text.Json.Nodes;
using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Domain.Audit;
using HealthGrid.Api.Infrastructure;
using HealthGrid.GrainInterfaces.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace HealthGrid.Api.Configuration;

/// <summary>
/// Configuration as data: each area (SLA policies and calendars, organisation, health model, alert
/// thresholds, and whatever areas later work adds) is a versioned document. Admins change, preview and
/// roll back; executives and admins read. Writes are conditional on the version (<c>If-Match</c>).
/// </summary>
public static class ConfigurationEndpoints
{
    public static RouteGroupBuilder MapConfigurationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/config").WithTags("Configuration").RequireRateLimiting(RateLimits.Reads);
        var read = group.MapGroup("").RequireAuthorization(AuthPolicies.ReadConfiguration);
        read.MapGet("/", ListAsync).WithName("ListConfigurationAreas").WithSummary("Every configuration area with the version in force");
        read.MapGet("/{area}", GetAsync).WithName("GetConfiguration").WithSummary("An area's document in force (or ?version=N), with its version as ETag");
        read.MapGet("/{area}/history", HistoryAsync).WithName("GetConfigurationHistory").WithSummary("An area's versions, newest first: author, time, reason and the change as JSON Patch");
        var change = group.MapGroup("").RequireAuthorization(AuthPolicies.Configure);
        change.MapPut("/{area}", PutAsync).LimitBody(BodyLimits.Small * 4).WithName("PutConfiguration")
            .WithSummary("Writes a new version of an area (If-Match: the version it replaces); in force on every silo when it answers");
        change.MapPost("/{area}/preview", PreviewAsync).LimitBody(BodyLimits.Small * 4).WithName("PreviewConfiguration")
            .WithSummary("What a document would do to live state now: deadlines that move, breaches at once, alerts opening and closing, band changes");
        change.MapPost("/{area}/rollback/{version:long}", RollbackAsync).LimitBody(BodyLimits.Small).WithName("RollbackConfiguration")
            .WithSummary("Restores an earlier version's document as a new version");
        return group;
    }

    private static async Task<Ok<ConfigurationAreaSummary[]>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok((await Grain(grains).ListAsync()).Select(v => new ConfigurationAreaSummary(v.Area, v.Version, v.Author, v.At, v.Reason)).ToArray());

    private static async Task<Results<Ok<ConfigurationVersionView>, NotFound>> GetAsync(string area, long? version, HttpContext context, IGrainFactory grains)
    {
        if (await Grain(grains).GetAsync(area, version) is not { } found)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ETag = Tag(found.Version);
        return TypedResults.Ok(ConfigurationVersionView.Of(found));
    }

    private static async Task<Results<Ok<ConfigurationHistoryPage>, NotFound, ValidationProblem>> HistoryAsync(string area, long? before, int? limit, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var (_, size) = Paging.Read(errors, null, limit);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (await Grain(grains).HistoryAsync(area, before, size) is not { } versions)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new ConfigurationHistoryPage([.. versions.Select(ConfigurationVersionView.Of)], versions.Length == size ? versions[^1].Version : null));
    }

    private static async Task<Results<Ok<ConfigurationWritten>, NotFound, ValidationProblem, ProblemHttpResult>> PutAsync(
        string area, ConfigurationPutRequest request, ConfigurationPutRequestValidator validator, HttpContext context, IGrainFactory grains, Caller caller)
    {
        var errors = new FieldErrors();
        errors.Add(validator.Validate(request));
        var expected = ExpectedVersion(context, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var result = await Grain(grains).WriteAsync(new ConfigurationChange
        {
            Area = area,
            Document = request.Document!.Value.GetRawText(),
            ExpectedVersion = expected,
            Author = caller.Subject,
            Reason = request.Reason,
        });
        await AuditAsync(AuditActions.ConfigurationWrite, area, result, context, grains, caller);
        return Answer(result, context);
    }

    private static async Task<Results<Ok<ConfigurationWritten>, NotFound, ValidationProblem, ProblemHttpResult>> RollbackAsync(
        string area, long version, ConfigurationRollbackRequest? request, ConfigurationRollbackRequestValidator validator, HttpContext context, IGrainFactory grains, Caller caller)
    {
        var errors = new FieldErrors();
        var body = request ?? new ConfigurationRollbackRequest();
        errors.Add(validator.Validate(body));
        var expected = ExpectedVersion(context, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var result = await Grain(grains).WriteAsync(new ConfigurationChange
        {
            Area = area,
            RestoreVersion = version,
            ExpectedVersion = expected,
            Author = caller.Subject,
            Reason = body.Reason ?? $"rollback to version {version}",
        });
        await AuditAsync(AuditActions.ConfigurationRollback, area, result, context, grains, caller);
        return Answer(result, context);
    }

    private static async Task<Results<Ok<Domain.Configuration.ConfigurationPreview>, NotFound, ValidationProblem>> PreviewAsync(
        string area, ConfigurationPreviewRequest request, ConfigurationPreviewRequestValidator validator, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        errors.Add(validator.Validate(request));
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var result = await Grain(grains).PreviewAsync(area, request.Document!.Value.GetRawText());
        if (result.UnknownArea)
        {
            return TypedResults.NotFound();
        }

        if (result.Preview is not { } preview)
        {
            return Problems.Invalid(DocumentErrors(result.Errors));
        }

        return TypedResults.Ok(preview);
    }

    /// <summary>A version written (not a refused or unchanged write) is audited with its reason and its diff.</summary>
    private static Task AuditAsync(string action, string area, ConfigurationWriteResult result, HttpContext context, IGrainFactory grains, Caller caller) =>
        result.Outcome == ConfigurationWriteOutcome.Written && result.Version is { } written
            ? AuditTrail.RecordAsync(grains, context, caller, action, $"config/{area}",
                new { version = written.Version, reason = written.Reason, restoredFrom = written.RestoredFrom, diff = JsonNode.Parse(written.Diff) })
            : Task.CompletedTask;

    private static Results<Ok<ConfigurationWritten>, NotFound, ValidationProblem, ProblemHttpResult> Answer(ConfigurationWriteResult result, HttpContext context)
    {
        switch (result.Outcome)
        {
            case ConfigurationWriteOutcome.UnknownArea or ConfigurationWriteOutcome.UnknownVersion:
                return TypedResults.NotFound();
            case ConfigurationWriteOutcome.Invalid:
                return Problems.Invalid(DocumentErrors(result.Errors));
            case ConfigurationWriteOutcome.Conflict:
                context.Response.Headers.ETag = Tag(result.Version!.Version);
                return TypedResults.Problem(
                    $"Version {result.Version.Version} (by {result.Version.Author}) is the newest; read it and apply your change to it.",
                    statusCode: StatusCodes.Status412PreconditionFailed,
                    title: "The configuration changed since it was read.");
            default:
                context.Response.Headers.ETag = Tag(result.Version!.Version);
                return TypedResults.Ok(new ConfigurationWritten(ConfigurationVersionView.Of(result.Version), result.Outcome == ConfigurationWriteOutcome.Written, result.AppliedOn, result.Silos));
        }
    }

    /// <summary>The document's errors at their paths within the request body ("document.policies[1].calendar").</summary>
    private static FieldErrors DocumentErrors(IEnumerable<Domain.Configuration.OptionError> found)
    {
        var errors = new FieldErrors();
        foreach (var error in found)
        {
            errors.Add(error.Path.Length == 0 ? "document" : $"document.{error.Path}", error.Message);
        }

        return errors;
    }

    /// <summary>If-Match: "7" (or W/"7", or 7) → 7; * or none → unconditional.</summary>
    private static long? ExpectedVersion(HttpContext context, FieldErrors errors)
    {
        var header = context.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (long.TryParse(value.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }

        errors.Add(HeaderNames.IfMatch, "must be the version being replaced, as its ETag (\"7\")");
        return null;
    }

    private static string Tag(long version) => $"\"{version}\"";

    private static IConfigurationGrain Grain(IGrainFactory grains) => grains.GetGrain<IConfigurationGrain>(0);
}
