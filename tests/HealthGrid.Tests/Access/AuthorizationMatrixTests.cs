using System.Net;
using System.Text.RegularExpressions;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthGrid.Tests.Access;

/// <summary>
/// Every route × every role, outside development mode: a role that may call a route is let through
/// (the answer may still be 409 for a repeated action); a role that may call it but not see world A's
/// object gets 404, as if it did not exist; every other role gets 403; a request without a token 401.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed partial class AuthorizationMatrixTests(AccessWorld world)
{
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    public static TheoryData<string, string> EveryRouteAndRole()
    {
        var data = new TheoryData<string, string>();
        string[] roles = ["account_manager", "supervisor", "process_owner", "executive", "continuity_planner", "ingest", "monitoring", "admin"];
        foreach (var endpoint in Endpoints.All)
        {
            foreach (var role in roles)
            {
                data.Add(endpoint.Name, role);
            }
        }

        return data;
    }

    public static TheoryData<string> EveryRoute() => [.. Endpoints.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(EveryRouteAndRole))]
    public async Task A_role_reaches_exactly_the_routes_it_may(string route, string role)
    {
        var endpoint = Endpoints.Named(route);
        var user = world.Everyone.Single(u => u.Role == role).User;
        using var http = world.Silo.ClientAs(user);
        using var response = await http.SendAsync(endpoint.Request(world));

        if (endpoint.Hidden.Contains(role))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        else if (endpoint.Allowed.Contains(role))
        {
            Assert.True(!Refusals.Contains(response.StatusCode) && (int)response.StatusCode < 500, $"{role} on {route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(EveryRoute))]
    public async Task Without_a_token_every_route_is_401(string route)
    {
        using var http = TestAuth.Client(world.Silo.BaseAddress, token: null);
        using var response = await http.SendAsync(Endpoints.Named(route).Request(world));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void Every_mapped_route_is_in_the_matrix()
    {
        var routes = world.Silo.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: ("/" + (e.RoutePattern.RawText ?? "").Trim('/')).TrimEnd('/') is { Length: > 0 } p ? p : "/", Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]))
            .Where(r => !IsPublicOrCoveredElsewhere(r.Pattern) && !(r.Pattern == "/api/v1/session" && r.Methods.SequenceEqual(["DELETE"])))
            .ToList();
        var missing = routes.Where(r => !Endpoints.All.Any(e => Covers(r.Pattern, r.Methods, e))).Select(r => $"{string.Join(",", r.Methods)} {r.Pattern}").ToList();
        Assert.True(missing.Count == 0, "Routes without a row in the access matrix: " + string.Join("; ", missing));
    }

    /// <summary>
    /// Health probes and the front door are public; the Orleans Dashboard's and the API reference's own routes sit behind their entry rows;
    /// ending a session (DELETE) needs nothing; a notification's link is its own credential (EmailAndLinkTests: tampered, expired, foreign, used);
    /// a helpdesk's webhook is signed with its connector's secret (ZendeskWebhookTests: missing, wrong, stale).
    /// </summary>
    private static bool IsPublicOrCoveredElsewhere(string pattern) =>
        pattern is "/" or "/health/live" or "/health/ready" or "/api/v1/notifications/act" || pattern.StartsWith("/orleans", StringComparison.Ordinal)
        || pattern.StartsWith("/api/v1/connectors/", StringComparison.Ordinal)
        || pattern.StartsWith("/api-reference", StringComparison.Ordinal) || pattern.StartsWith("/hubs/dashboard", StringComparison.Ordinal);

    private bool Covers(string pattern, IReadOnlyList<string> methods, Endpoint endpoint)
    {
        var regex = "^" + RouteParameter().Replace(Regex.Escape(pattern.TrimEnd('/')), "[^/]+") + "/?$";
        var sample = endpoint.Path(world).Split('?')[0];
        return (methods.Contains("*") || methods.Contains(endpoint.Method.Method)) && Regex.IsMatch(sample, regex);
    }

    [GeneratedRegex(@"\\\{[^}]+}")]
    private static partial Regex RouteParameter();
}
