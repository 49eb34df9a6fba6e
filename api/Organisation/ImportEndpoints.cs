using System.Text.Json;
using HealthGrid.Api.Accounts;
using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Customers;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Json;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Audit;
using HealthGrid.Domain.Customers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Organisation;

/// <summary>Bulk import of accounts and customers as JSON lines: <c>{"account": {...}}</c> or <c>{"customer": {...}}</c> per line.</summary>
public static class ImportEndpoints
{
    private const int MaxLines = 200_000;

    /// <summary>JSON lines as they are commonly labelled; anything else (or nothing) is refused like the other routes' non-JSON bodies.</summary>
    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl", "application/json"];

    public static RouteGroupBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/import").WithTags("Organisation").RequireAuthorization(AuthPolicies.Configure).RequireRateLimiting(RateLimits.Reads);
        group.MapPost("/", ImportAsync)
            .Accepts<ImportLine>("application/x-ndjson")
            .LimitBody(BodyLimits.Import)
            .WithName("ImportOrganisation")
            .WithSummary("Create or replace accounts and customers from JSON lines")
            .WithDescription("Accounts are written before customers, so a file may list them in any order. Each line stands alone: a bad line is reported with its number and field and the others are written.");
        return group;
    }

    private static async Task<Results<Ok<ImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpRequest request, AccountValidator accountValidator, CustomerValidator customerValidator, ProfileWriter writer, IOptions<JsonOptions> json,
        IGrainFactory grains, Caller caller)
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

        var errors = new List<ImportError>();
        var accounts = new List<AccountProfile>();
        var customers = new List<(int Line, CustomerProfile Profile)>();
        foreach (var (number, line) in lines)
        {
            Parse(number, line, json.Value.SerializerOptions, accountValidator, customerValidator, accounts, customers, errors);
        }

        var (accountsCreated, accountsUpdated) = await writer.WriteAccountsAsync(accounts);
        var results = await writer.WriteCustomersAsync([.. customers.Select(c => c.Profile)]);
        for (var i = 0; i < results.Length; i++)
        {
            if (!results[i].Succeeded)
            {
                errors.Add(new ImportError(customers[i].Line, "customer." + results[i].Field, results[i].Error!));
            }
        }

        var imported = new ImportResult(
            accountsCreated, accountsUpdated,
            results.Count(r => r.Succeeded && r.Created), results.Count(r => r.Succeeded && !r.Created),
            [.. errors.OrderBy(e => e.Line)]);
        // One entry for the file: which profiles it wrote, by id (a diff per profile is what PUT records).
        await AuditTrail.RecordAsync(grains, request.HttpContext, caller, AuditActions.Import, "import", new
        {
            imported.AccountsCreated, imported.AccountsUpdated, imported.CustomersCreated, imported.CustomersUpdated,
            accounts = accounts.Select(a => a.Id),
            customers = customers.Where((_, i) => results[i].Succeeded).Select(c => c.Profile.Id),
        });
        return TypedResults.Ok(imported);
    }

    private static void Parse(int number, string line, JsonSerializerOptions json, AccountValidator accountValidator, CustomerValidator customerValidator,
        List<AccountProfile> accounts, List<(int, CustomerProfile)> customers, List<ImportError> errors)
    {
        ImportLine? item;
        try
        {
            item = JsonSerializer.Deserialize<ImportLine>(line, json);
        }
        catch (JsonException ex)
        {
            var (field, reason) = JsonErrors.Describe(ex);
            errors.Add(new ImportError(number, field, reason));
            return;
        }

        if (item?.Unknown is { } unknown)
        {
            errors.AddRange(unknown.Keys.Select(field => new ImportError(number, field, "is not a known field")));
            return;
        }

        var fieldErrors = new FieldErrors();
        string prefix;
        if (item?.Account is { } account && item.Customer is null)
        {
            prefix = "account.";
            if (accountValidator.Validate(account.Id ?? "", account, fieldErrors) is { } profile)
            {
                accounts.Add(profile);
            }
        }
        else if (item?.Customer is { } customer && item.Account is null)
        {
            prefix = "customer.";
            if (customerValidator.Validate(customer.Id ?? "", customer, fieldErrors) is { } profile)
            {
                customers.Add((number, profile));
            }
        }
        else
        {
            errors.Add(new ImportError(number, "body", "must hold exactly one of \"account\" or \"customer\""));
            return;
        }

        foreach (var (field, messages) in fieldErrors.ToDictionary())
        {
            errors.AddRange(messages.Select(m => new ImportError(number, prefix + field, m)));
        }
    }
}
