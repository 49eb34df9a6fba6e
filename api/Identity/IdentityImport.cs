using System.Text.Json;
using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Identity;
using HealthGrid.GrainInterfaces.Customers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Identity;

/// <summary>The checks a mapping passes, one at a time or a file of them (<c>POST /api/v1/identities/import</c>).</summary>
public static class IdentityImport
{
    private const int MaxLines = 200_000;

    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl", "application/json"];

    /// <summary>The mapping, or null with the errors: a scheme and id of the right form, a customer that exists.</summary>
    public static async Task<IdentityMapping?> CheckAsync(string? scheme, string? externalId, string? customerId, CustomerGrainReferences customers, TimeProvider time, Caller caller, FieldErrors errors)
    {
        if (IdentityRef.CheckScheme(scheme) is { } badScheme)
        {
            errors.Add("scheme", badScheme);
        }

        if (IdentityRef.CheckExternalId(externalId) is { } badId)
        {
            errors.Add("externalId", badId);
        }

        if (string.IsNullOrEmpty(customerId))
        {
            errors.Add("customerId", "is required");
        }
        else if (await customers.Get(customerId).GetAccountIdAsync() is null)
        {
            errors.Add("customerId", $"'{customerId}' is not a customer");
        }

        return errors.IsEmpty ? new IdentityMapping(new IdentityRef(scheme!, externalId!), customerId!, time.GetUtcNow(), caller.Subject) : null;
    }

    /// <summary>The refusal of a mapping whose identifier is another customer's: both are named (only admins map).</summary>
    public static string Taken(IdentityMapping mapping, string owner) =>
        $"'{mapping.Ref}' is mapped to customer '{owner}', so it cannot be mapped to '{mapping.CustomerId}': remove that mapping first";

    public static void Unknown(FieldErrors errors, string prefix, IUnknownFields body)
    {
        foreach (var field in body.Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            errors.Add(prefix + field, "is not a known field");
        }
    }

    internal static async Task<Results<Ok<IdentityImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, IOptions<JsonOptions> json, IGrainFactory grains, CustomerGrainReferences customers, TimeProvider time, Caller caller)
    {
        if (!MediaTypes.Any(t => string.Equals(request.ContentType?.Split(';')[0].Trim(), t, StringComparison.OrdinalIgnoreCase)))
        {
            return Problems.UnsupportedMediaType("must be JSON lines (Content-Type: application/x-ndjson)");
        }

        var (lines, refused) = await JsonLines.ReadAsync(request, MaxLines);
        if (refused is not null)
        {
            return Problems.Invalid("body", refused);
        }

        // Every line is checked before anything is written: a file with a bad line maps nothing it names wrongly.
        var errors = new List<ImportLineError>();
        var mappings = new List<(int Line, IdentityMapping Mapping)>();
        foreach (var (number, line) in lines)
        {
            if (await ParseAsync(number, line, json.Value.SerializerOptions, customers, time, caller, errors) is { } mapping)
            {
                mappings.Add((number, mapping));
            }
        }

        int created = 0, unchanged = 0, applied = 0;
        foreach (var (line, mapping) in mappings)
        {
            var outcome = await IdentityEndpoints.Grain(grains).MapAsync(mapping);
            if (outcome.Result.Owner is { } owner)
            {
                errors.Add(new ImportLineError(line, "externalId", Taken(mapping, owner)));
                continue;
            }

            (created, unchanged, applied) = outcome.Result.Created ? (created + 1, unchanged, applied + outcome.Applied) : (created, unchanged + 1, applied + outcome.Applied);
        }

        var result = new IdentityImportResult(created, unchanged, applied, [.. errors.OrderBy(e => e.Line)]);
        await AuditTrail.RecordAsync(grains, request.HttpContext, caller, AuditActions.IdentityImport, "identities", new { result.Created, result.Unchanged, result.Applied, refused = result.Errors.Length });
        return TypedResults.Ok(result);
    }

    private static async Task<IdentityMapping?> ParseAsync(int number, string line, JsonSerializerOptions json, CustomerGrainReferences customers, TimeProvider time, Caller caller, List<ImportLineError> errors)
    {
        IdentityLine? item;
        try
        {
            item = JsonSerializer.Deserialize<IdentityLine>(line, json);
        }
        catch (JsonException ex)
        {
            var (field, reason) = JsonErrors.Describe(ex);
            errors.Add(new ImportLineError(number, field, reason));
            return null;
        }

        var found = new FieldErrors();
        if (item is null)
        {
            found.Add("body", "must be an object");
        }
        else
        {
            Unknown(found, "", item);
        }

        var mapping = item is null ? null : await CheckAsync(item.Scheme, item.ExternalId, item.CustomerId, customers, time, caller, found);
        foreach (var (field, messages) in found.ToDictionary())
        {
            errors.AddRange(messages.Select(m => new ImportLineError(number, field, m)));
        }

        return found.IsEmpty ? mapping : null;
    }
}
