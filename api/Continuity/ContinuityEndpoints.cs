using System.Globalization;
using CsvHelper;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Wire;
using HealthGrid.GrainInterfaces.Continuity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Continuity;

/// <summary>
/// Continuity planning: the nodes customers depend on, scenarios (saved disruptions), their runs
/// against the live state, each run's customers in contact order (pages or CSV), and two runs compared.
/// Continuity planners, executives and admins; planners see SLA breaches counted, not by case.
/// </summary>
public static class ContinuityEndpoints
{
    private const int CsvPage = 5_000;
    private const int MaxComparison = 500;

    public static RouteGroupBuilder MapContinuityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/continuity").WithTags("Continuity").RequireAuthorization(AuthPolicies.Continuity).RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/nodes", ListNodesAsync).WithName("ListDependencyNodes").WithSummary("The processes, sites, suppliers and journey stages customers depend on, with how many depend on each");
        group.MapPost("/scenarios", CreateScenarioAsync).LimitBody(BodyLimits.Small)
            .WithName("CreateScenario").WithSummary("Save a disruption scenario: nodes down or degraded, when, for how long, for which regions and products");
        group.MapGet("/scenarios", async (IGrainFactory grains) => TypedResults.Ok(await Continuity(grains).ListScenariosAsync()))
            .WithName("ListScenarios").WithSummary("Saved scenarios, newest first");
        group.MapGet("/scenarios/{id}", GetScenarioAsync).WithName("GetScenario").WithSummary("A saved scenario");
        group.MapDelete("/scenarios/{id}", DeleteScenarioAsync).WithName("DeleteScenario").WithSummary("Delete a scenario and its runs");
        group.MapPost("/scenarios/{id}/runs", RunScenarioAsync).WithName("RunScenario")
            .WithSummary("Run a scenario against the live state (changing nothing); answers 202 at once, progress is pushed and readable at the run");
        group.MapGet("/scenarios/{id}/runs", async Task<Results<Ok<ContinuityRun[]>, NotFound>> (string id, IGrainFactory grains) =>
                await Continuity(grains).GetScenarioAsync(id) is null ? TypedResults.NotFound() : TypedResults.Ok(await Continuity(grains).ListRunsAsync(id)))
            .WithName("ListScenarioRuns").WithSummary("A scenario's runs, newest first");
        group.MapGet("/runs", async (IGrainFactory grains) => TypedResults.Ok(await Continuity(grains).ListRunsAsync(null)))
            .WithName("ListRuns").WithSummary("Every run, newest first");
        group.MapGet("/runs/{id}", GetRunAsync).WithName("GetRun")
            .WithSummary("A run: its progress, then the totals, revenue at risk per account, breach timeline, health distribution and escalation load");
        group.MapGet("/runs/{id}/customers", GetRunCustomersAsync).WithName("GetRunCustomers")
            .WithSummary("A run's customers in contact order: time to breach, projected health, SLA breaches, revenue at risk, escalation path");
        group.MapGet("/runs/{id}/customers.csv", ExportAsync).WithName("ExportRunCustomers").WithSummary("A run's customers in contact order, as CSV");
        group.MapGet("/compare", CompareAsync).WithName("CompareRuns").WithSummary("Two completed runs side by side, with the customers whose projection differs");
        return group;
    }

    private static IContinuityGrain Continuity(IGrainFactory grains) => grains.GetGrain<IContinuityGrain>(0);

    private static async Task<Results<Ok<DependencyNodeView[]>, ValidationProblem>> ListNodesAsync(IGrainFactory grains, string? type)
    {
        var errors = new FieldErrors();
        var parsed = EnumFields.Parse<DependencyType>(errors, "type", type, required: false);
        return errors.IsEmpty ? TypedResults.Ok(await Continuity(grains).ListNodesAsync(parsed)) : Problems.Invalid(errors);
    }

    private static async Task<Results<Created<ContinuityScenario>, ValidationProblem>> CreateScenarioAsync(ScenarioRequest? request, IGrainFactory grains, ScenarioValidator validator, Caller caller)
    {
        if (request is null)
        {
            return Problems.Invalid("body", "is required");
        }

        var errors = new FieldErrors();
        if (validator.Validate(NewId("scn"), request, caller.Subject, errors) is not { } scenario)
        {
            return Problems.Invalid(errors);
        }

        await Continuity(grains).SaveScenarioAsync(scenario);
        return TypedResults.Created($"/api/v1/continuity/scenarios/{scenario.Id}", scenario);
    }

    private static async Task<Results<Ok<ContinuityScenario>, NotFound>> GetScenarioAsync(string id, IGrainFactory grains) =>
        await Continuity(grains).GetScenarioAsync(id) is { } scenario ? TypedResults.Ok(scenario) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteScenarioAsync(string id, IGrainFactory grains) =>
        await Continuity(grains).DeleteScenarioAsync(id) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Accepted<ContinuityRun>, NotFound>> RunScenarioAsync(string id, IGrainFactory grains, Caller caller, TimeProvider time)
    {
        if (await Continuity(grains).GetScenarioAsync(id) is not { } scenario)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        var start = scenario.StartsAt is { } startsAt && startsAt > now ? startsAt : now;
        var run = await grains.GetGrain<IContinuityRunGrain>(NewId("run")).StartAsync(scenario, start, caller.Subject);
        return TypedResults.Accepted($"/api/v1/continuity/runs/{run.Id}", run);
    }

    private static async Task<Results<Ok<ContinuityRun>, NotFound>> GetRunAsync(string id, IGrainFactory grains) =>
        await Continuity(grains).GetRunAsync(id) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound();

    private static async Task<Results<Ok<ImpactPage>, NotFound, ValidationProblem>> GetRunCustomersAsync(string id, IGrainFactory grains, Caller caller, int? offset, int? limit)
    {
        var errors = new FieldErrors();
        var (from, size) = Paging.Read(errors, offset, limit);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        if (await Continuity(grains).GetRunCustomersAsync(id, from, size) is not { } page)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(page with { Items = [.. page.Items.Select(r => Visible(r, caller))] });
    }

    private static async Task<Results<EmptyHttpResult, NotFound, Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>>> ExportAsync(string id, IGrainFactory grains, HttpResponse response)
    {
        if (await Continuity(grains).GetRunAsync(id) is not { } run)
        {
            return TypedResults.NotFound();
        }

        if (run.Status != RunStatus.Completed)
        {
            return Problems.Conflict($"run '{id}' is {EnumNames<RunStatus>.Name(run.Status)}; its customers are exported once it has completed");
        }

        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{id}-customers.csv\"";

        // A page at a time, formatted in memory and written asynchronously (Kestrel allows no synchronous writes).
        for (var offset = 0; ; offset += CsvPage)
        {
            var page = await Continuity(grains).GetRunCustomersAsync(id, offset, CsvPage);
            await using var text = new StringWriter(CultureInfo.InvariantCulture);
            await using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture, leaveOpen: true))
            {
                if (offset == 0)
                {
                    ImpactCsv.WriteHeader(csv);
                }

                foreach (var row in page?.Items ?? [])
                {
                    ImpactCsv.Write(csv, row);
                }
            }

            await response.WriteAsync(text.ToString(), response.HttpContext.RequestAborted);
            if (page is null || page.Items.Length < CsvPage)
            {
                break;
            }
        }

        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<RunComparison>, NotFound, ValidationProblem>> CompareAsync(IGrainFactory grains, Caller caller, string? a, string? b, int? limit)
    {
        var errors = new FieldErrors();
        errors.Required("a", a);
        errors.Required("b", b);
        errors.Range("limit", limit, 1, MaxComparison);
        if (!errors.IsEmpty)
        {
            return Problems.Invalid(errors);
        }

        return await Continuity(grains).CompareAsync(a!, b!, limit ?? 100) is { } comparison ? TypedResults.Ok(comparison) : TypedResults.NotFound();
    }

    /// <summary>Continuity planners see no cases: their rows count SLA breaches without naming them.</summary>
    private static ImpactRow Visible(ImpactRow row, Caller caller) => caller.SeesCaseDetails ? row : row with { Impact = row.Impact with { SlaBreaches = [] } };

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
