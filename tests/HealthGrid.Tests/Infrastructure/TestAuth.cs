using System.Net.Http.Headers;
using HealthGrid.Api.Auth;
using Microsoft.Extensions.Options;

namespace HealthGrid.Tests.Infrastructure;

/// <summary>
/// The signing key every test server is started with, and tokens minted with it: an admin for the
/// tests that exercise features rather than access, and any user the access tests need.
/// </summary>
public static class TestAuth
{
    public const string SigningKey = "healthgrid-test-signing-key-0123456789abcdef";

    public static readonly TokenRequest Admin = new("test-admin", "Test admin", [HealthGridRoles.Admin]);

    private static readonly TokenIssuer Issuer = CreateIssuer();

    /// <summary>The arguments that make a server accept these tokens, with budgets no functional test reaches.</summary>
    public static string[] ServerArgs { get; } =
    [
        $"--HealthGrid:Auth:SigningKey={SigningKey}",
        "--HealthGrid:RateLimits:ReadsPerSecond=1000000",
        "--HealthGrid:RateLimits:ReadsBurst=1000000",
    ];

    public static string Token(TokenRequest user) => Issuer.Issue(user);

    public static HttpClient Client(Uri server, TokenRequest user, TimeSpan? timeout = null) =>
        Client(server, Token(user), timeout);

    public static HttpClient Client(Uri server, string? token, TimeSpan? timeout = null)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    private static TokenIssuer CreateIssuer()
    {
        var options = Options.Create(new AuthOptions { SigningKey = SigningKey });
        return new TokenIssuer(new SigningKey(options), options, TimeProvider.System);
    }
}
