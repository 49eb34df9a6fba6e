using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using HealthGrid.Api.Auth;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthGrid.Tests.Access;

/// <summary>
/// Production sign-in: an OpenID Connect provider (a minimal one here: discovery document and RSA
/// signing keys) issues the tokens; the silo trusts its published keys and nothing else.
/// </summary>
public sealed class IdentityProviderTests
{
    [Fact]
    public async Task Tokens_signed_by_the_authoritys_published_key_are_accepted_and_others_are_not()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key-1" };
        await using var provider = await StartProviderAsync(key);
        var authority = provider.Urls.Single();

        await using var silo = await InProcessSilo.StartAsync(
            $"--HealthGrid:Auth:Authority={authority}", "--HealthGrid:Auth:RequireHttpsMetadata=false", "--HealthGrid:Auth:Development=false");
        var fromProvider = Token(key, authority, SecurityAlgorithms.RsaSha256, HealthGridRoles.Executive);
        var wrongIssuer = Token(key, "http://someone-else.example", SecurityAlgorithms.RsaSha256, HealthGridRoles.Executive);

        Assert.Equal(HttpStatusCode.OK, (await TestAuth.Client(silo.BaseAddress, fromProvider).GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestAuth.Client(silo.BaseAddress, wrongIssuer).GetAsync("/api/v1/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await silo.Http.GetAsync("/api/v1/cases")).StatusCode);
    }

    private static string Token(SecurityKey key, string issuer, string algorithm, string role) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "healthgrid",
        Subject = new ClaimsIdentity([new Claim("sub", "idp-user"), new Claim("role", role)]),
        Expires = DateTime.UtcNow.AddMinutes(10),
        SigningCredentials = new SigningCredentials(key, algorithm),
    });

    private static async Task<WebApplication> StartProviderAsync(RsaSecurityKey key)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePorts.Next()}");
        var app = builder.Build();
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        app.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = app.Urls.Single(),
            ["jwks_uri"] = $"{app.Urls.Single()}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () => Results.Json(new { keys = new[] { new { kty = publicKey.Kty, kid = publicKey.Kid, use = "sig", alg = "RS256", n = publicKey.N, e = publicKey.E } } }));
        await app.StartAsync();
        return app;
    }
}
