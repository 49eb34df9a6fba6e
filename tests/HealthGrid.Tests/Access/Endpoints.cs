using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HealthGrid.Api.Auth;
using HealthGrid.Tests.Infrastructure;
using static HealthGrid.Api.Auth.HealthGridRoles;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Access;

/// <summary>
/// One route of the API as the access tests call it: a request about world A, and the roles that may make it.
/// <see cref="Consumes"/> gives each request an object of its own where the request uses it up (a deletion).
/// </summary>
public sealed record Endpoint(string Name, HttpMethod Method, Func<AccessWorld, string> Path, string[] Allowed, Func<AccessWorld, HttpContent?>? Body = null,
    string[]? HiddenFrom = null, Func<AccessWorld, string>? Consumes = null)
{
    /// <summary>Roles that may call the route but may not see world A's object: they get 404.</summary>
    public string[] Hidden => HiddenFrom ?? [];

    public HttpRequestMessage Request(AccessWorld world) => new(Method, (Consumes ?? Path)(world)) { Content = Body?.Invoke(world) };
}

/// <summary>Every route of the API and hub, with who may call it. A new route that is not listed here fails <see cref="AuthorizationMatrixTests.Every_mapped_route_is_in_the_matrix"/>.</summary>
public static class Endpoints
{
    private static readonly string[] People = [AccountManager, Supervisor, ProcessOwner, Executive, ContinuityPlanner, Admin];
    private static readonly string[] CustomerReaders = [AccountManager, ContinuityPlanner, Executive, Admin];
    private static readonly string[] CaseReaders = [AccountManager, Supervisor, ProcessOwner, Executive, Admin];
    private static readonly string[] OrganisationReaders = [ProcessOwner, ContinuityPlanner, Executive, Admin];
    private static readonly string[] Planners = [ContinuityPlanner, Executive, Admin];

    public static readonly Endpoint[] All =
    [
        new("post event", HttpMethod.Post, _ => "/api/v1/events", [HealthGridRoles.Ingest, Admin], w => Json(Survey(w.CustomerA, "csat", 5))),
        new("post batch", HttpMethod.Post, _ => "/api/v1/events/batch", [HealthGridRoles.Ingest, Admin], w => Json(new { events = new[] { Survey(w.CustomerA, "csat", 4) } })),
        new("list customers", HttpMethod.Get, _ => "/api/v1/customers", CustomerReaders),
        new("get customer", HttpMethod.Get, w => $"/api/v1/customers/{w.CustomerA}", CustomerReaders),
        new("score history", HttpMethod.Get, w => $"/api/v1/customers/{w.CustomerA}/score-history", CustomerReaders),
        new("export customer", HttpMethod.Get, w => $"/api/v1/customers/{w.CustomerA}/export", [AccountManager, Executive, Admin], HiddenFrom: [ContinuityPlanner]),
        // Without a reason: the admin's request is let through to the 400 that asks for one, and nothing is erased.
        new("erase customer", HttpMethod.Delete, w => $"/api/v1/customers/{w.CustomerA}", [Admin]),
        new("put customer", HttpMethod.Put, w => $"/api/v1/customers/{w.CustomerA}", [Admin], w => Json(Customer(w.AccountA))),
        new("list accounts", HttpMethod.Get, _ => "/api/v1/accounts", CustomerReaders),
        new("get account", HttpMethod.Get, w => $"/api/v1/accounts/{w.AccountA}", CustomerReaders),
        new("put account", HttpMethod.Put, w => $"/api/v1/accounts/{w.AccountA}", [Admin], w => Json(new { name = "Account A", accountManager = "am-a" })),
        new("import", HttpMethod.Post, _ => "/api/v1/import", [Admin], w => new StringContent(JsonSerializer.Serialize(new { account = new { id = w.AccountA, name = "Account A", accountManager = "am-a" } }) + "\n", Encoding.UTF8, "application/x-ndjson")),
        new("list cases", HttpMethod.Get, _ => "/api/v1/cases", CaseReaders),
        new("get case", HttpMethod.Get, w => $"/api/v1/cases/{w.CaseA}", CaseReaders),
        new("acknowledge case", HttpMethod.Post, w => $"/api/v1/cases/{w.CaseA}/acknowledge", CaseReaders, _ => Json(new { })),
        new("resolve case", HttpMethod.Post, w => $"/api/v1/cases/{w.CaseA}/resolve", CaseReaders, _ => Json(new { })),
        new("list alerts", HttpMethod.Get, _ => "/api/v1/alerts", CaseReaders),
        new("get alert", HttpMethod.Get, w => $"/api/v1/alerts/{w.AlertA.Id}", [AccountManager, Supervisor, Executive, Admin], HiddenFrom: [ProcessOwner]),
        new("acknowledge alert", HttpMethod.Post, w => $"/api/v1/alerts/{w.AlertA.Id}/acknowledge", [AccountManager, Supervisor, Executive, Admin], _ => Json(new { }), [ProcessOwner]),
        new("list notifications", HttpMethod.Get, _ => "/api/v1/notifications", CaseReaders),
        new("notification endpoints", HttpMethod.Get, _ => "/api/v1/notifications/endpoints", [Executive, Admin]),
        new("test notification", HttpMethod.Post, _ => "/api/v1/notifications/test", [Admin], _ => Json(new { contactPoint = "nowhere" })),
        new("resolve alert", HttpMethod.Post, w => $"/api/v1/alerts/{w.AlertA.Id}/resolve", [AccountManager, Supervisor, Executive, Admin], _ => Json(new { }), [ProcessOwner]),
        new("list journey stages", HttpMethod.Get, _ => "/api/v1/journey-stages", OrganisationReaders),
        new("get journey stage", HttpMethod.Get, _ => "/api/v1/journey-stages/billing", OrganisationReaders),
        new("list process owners", HttpMethod.Get, _ => "/api/v1/process-owners", OrganisationReaders),
        new("get process owner", HttpMethod.Get, _ => "/api/v1/process-owners/po-billing", OrganisationReaders),
        new("list system changes", HttpMethod.Get, _ => "/api/v1/system-changes", OrganisationReaders),
        new("live interactions", HttpMethod.Get, _ => "/api/v1/interactions/live", [AccountManager, Supervisor, Executive, Admin]),
        new("kpis", HttpMethod.Get, _ => "/api/v1/kpis", [Executive, Admin]),
        new("list configuration", HttpMethod.Get, _ => "/api/v1/config", [Executive, Admin]),
        new("audit log", HttpMethod.Get, _ => "/api/v1/audit", [Admin]),
        new("list identities", HttpMethod.Get, _ => "/api/v1/identities", [Executive, Admin]),
        new("put identity", HttpMethod.Put, w => $"/api/v1/identities/crm-account/{w.CustomerA}", [Admin], w => Json(new { customerId = w.CustomerA })),
        new("delete identity", HttpMethod.Delete, _ => "/api/v1/identities/crm-account/nobody", [Admin], HiddenFrom: [Admin]),
        new("import identities", HttpMethod.Post, _ => "/api/v1/identities/import", [Admin], w => new StringContent(JsonSerializer.Serialize(new { scheme = "crm-account", externalId = w.CustomerA, customerId = w.CustomerA }) + "\n", Encoding.UTF8, "application/x-ndjson")),
        new("parked events", HttpMethod.Get, _ => "/api/v1/ingest/parked", [Executive, Admin]),
        new("get configuration", HttpMethod.Get, _ => "/api/v1/config/alerts", [Executive, Admin]),
        new("configuration history", HttpMethod.Get, _ => "/api/v1/config/alerts/history", [Executive, Admin]),

        // A document the area refuses (400 for an admin), so that the shared world's configuration stays as seeded.
        new("put configuration", HttpMethod.Put, _ => "/api/v1/config/alerts", [Admin], _ => Json(new { document = new { notASetting = 1 } })),
        new("preview configuration", HttpMethod.Post, _ => "/api/v1/config/alerts/preview", [Admin], _ => Json(new { document = new { notASetting = 1 } })),

        // Restoring the seed version while it is the one in force changes nothing (200, unchanged).
        new("rollback configuration", HttpMethod.Post, _ => "/api/v1/config/alerts/rollback/1", [Admin], _ => Json(new { reason = "access matrix" })),
        new("continuity nodes", HttpMethod.Get, _ => "/api/v1/continuity/nodes", Planners),
        new("create scenario", HttpMethod.Post, _ => "/api/v1/continuity/scenarios", Planners,
            _ => Json(new { name = "Site down", disruptions = new[] { new { nodes = new[] { new { type = "site", id = "site-x" } }, durationHours = 4 } } })),
        new("list scenarios", HttpMethod.Get, _ => "/api/v1/continuity/scenarios", Planners),
        new("get scenario", HttpMethod.Get, w => $"/api/v1/continuity/scenarios/{w.ScenarioA}", Planners),
        new("delete scenario", HttpMethod.Delete, w => $"/api/v1/continuity/scenarios/{w.ScenarioA}", Planners, Consumes: w => $"/api/v1/continuity/scenarios/{w.DeletableScenario()}"),
        new("run scenario", HttpMethod.Post, w => $"/api/v1/continuity/scenarios/{w.ScenarioA}/runs", Planners),
        new("list scenario runs", HttpMethod.Get, w => $"/api/v1/continuity/scenarios/{w.ScenarioA}/runs", Planners),
        new("list runs", HttpMethod.Get, _ => "/api/v1/continuity/runs", Planners),
        new("get run", HttpMethod.Get, w => $"/api/v1/continuity/runs/{w.RunA}", Planners),
        new("run customers", HttpMethod.Get, w => $"/api/v1/continuity/runs/{w.RunA}/customers", Planners),
        new("export run", HttpMethod.Get, w => $"/api/v1/continuity/runs/{w.RunA}/customers.csv", Planners),
        new("compare runs", HttpMethod.Get, w => $"/api/v1/continuity/compare?a={w.RunA}&b={w.RunA}", Planners),
        new("metrics", HttpMethod.Get, _ => "/metrics", [Monitoring, Admin]),
        new("list sources", HttpMethod.Get, _ => "/api/v1/sources", [Monitoring, Admin]),
        new("get source", HttpMethod.Get, _ => "/api/v1/sources/api:nobody", [Monitoring, Admin], HiddenFrom: [Monitoring, Admin]),
        new("openapi", HttpMethod.Get, _ => "/openapi/v1.json", [Executive, Admin]),
        new("api reference", HttpMethod.Get, _ => "/api-reference/", [Executive, Admin]),
        new("orleans dashboard", HttpMethod.Get, _ => "/orleans/", [Admin]),
        new("dashboard hub", HttpMethod.Post, _ => "/hubs/dashboard/negotiate?negotiateVersion=1", People),
        new("start session", HttpMethod.Post, _ => "/api/v1/session", [.. People, HealthGridRoles.Ingest, Monitoring]),
    ];

    public static Endpoint Named(string name) => All.Single(e => e.Name == name);

    private static JsonContent Json(object body) => JsonContent.Create(body, options: InProcessSilo.Json);
}
