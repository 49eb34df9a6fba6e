using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Privacy;
using HealthGrid.GrainInterfaces.Privacy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Customers;

/// <summary>
/// <c>DELETE /api/v1/customers/{id}</c> (GDPR art. 17), for admins: erases the customer everywhere
/// HealthGrid keeps it and answers what was removed, as counts. The reason is required (in the JSON
/// body, or as <c>?reason=</c> for clients that send no body with a DELETE) and masked like any free
/// text. Audited as <c>customer.erasure</c> under the SHA-256 of the id, not the id: the log can
/// answer "was this customer erased?" to someone who knows the id, and keeps nothing of it itself.
/// </summary>
public static class CustomerErasureEndpoint
{
    public static async Task<Results<Ok<ErasureReport>, NotFound, ValidationProblem, ProblemHttpResult>> EraseAsync(
        string id, string? reason, HttpContext context, IGrainFactory grains, Caller caller, ErasureRequestValidator validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var (body, unreadable, notJson) = await OptionalJsonBody.ReadAsync<ErasureRequest>(context.Request, json.Value.SerializerOptions);
        if (notJson)
        {
            return Problems.UnsupportedMediaType("must be JSON (Content-Type: application/json)");
        }

        if (unreadable is not null)
        {
            return Problems.Invalid(unreadable);
        }

        var request = body! with { Reason = (body.Reason ?? reason)?.Trim() };
        var errors = new FieldErrors();
        errors.Add(validator.Validate(request));
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        var report = await grains.GetGrain<IPersonalDataGrain>(0).EraseAsync(id);
        if (!report.FoundAnything)
        {
            return TypedResults.NotFound();
        }

        var privacy = context.RequestServices.GetRequiredService<IOptionsMonitor<PrivacyOptions>>().CurrentValue.Redaction;
        await AuditTrail.RecordAsync(grains, context, caller, AuditActions.Erasure, $"customer/{AuditErasure.Erased}", new
        {
            customerDigest = AuditChain.Digest(id),
            reason = PersonalDataMasker.Mask(request.Reason!, privacy),
            removed = report,
        });
        return TypedResults.Ok(report);
    }
}
