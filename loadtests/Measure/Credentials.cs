using System.Net.Http.Headers;
using HealthGrid.Api.Auth;
using Microsoft.Extensions.Options;

namespace HealthGrid.LoadTests.Measure;

/// <summary>
/// The generator's identities: a token from configuration, or two minted with the server's signing
/// key — an admin that sets up the tenant, posts the events and reads /metrics, and the desk that
/// watches the dashboard: a supervisor of the load-test team who is also the assignee of its
/// tickets, so it receives what that desk would (its alerts, cases and live chats) and nothing of
/// the rest of the organisation. The default key is the development one, which the embedded silo uses.
/// </summary>
public sealed class Credentials
{
    public const string Team = "team-loadtests";
    public const string Assignee = "agent-loadtests";

    private Credentials(string admin, string listener)
    {
        AdminToken = admin;
        ListenerToken = listener;
    }

    public string AdminToken { get; }

    public string ListenerToken { get; }

    /// <summary>A token from configuration (e.g. the identity provider's, for an admin), used for every call and the dashboard connection.</summary>
    public static Credentials FromToken(string token) => new(token, token);

    public static Credentials FromSigningKey(string signingKey)
    {
        var auth = Options.Create(new AuthOptions { SigningKey = signingKey });
        var issuer = new TokenIssuer(new SigningKey(auth), auth, TimeProvider.System);
        return new Credentials(
            issuer.Issue(new TokenRequest("loadtests-admin", "Load generator", [HealthGridRoles.Admin])),
            issuer.Issue(new TokenRequest(Assignee, "Load generator desk", [HealthGridRoles.Supervisor], Teams: [Team])));
    }

    /// <summary>An HTTP client for the server, signed in as the admin.</summary>
    public HttpClient Http(Uri server, HttpMessageHandler? handler = null, TimeSpan? timeout = null)
    {
        var http = handler is null ? new HttpClient() : new HttpClient(handler);
        http.BaseAddress = server;
        http.Timeout = timeout ?? TimeSpan.FromSeconds(100);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return http;
    }
}
