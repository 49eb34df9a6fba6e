using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HealthGrid.Api.Auth;

/// <summary>A user to mint a token for: who, in which roles, responsible for what.</summary>
public sealed record TokenRequest(string Subject, string Name, string[] Roles, string[]? Teams = null, string[]? Accounts = null, string? ProcessOwner = null);

/// <summary>Mints tokens signed with this server's key (development sign-in, tools and tests).</summary>
public sealed class TokenIssuer(SigningKey key, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    public string Issue(TokenRequest user)
    {
        var claims = new List<Claim> { new(HealthGridClaims.Subject, user.Subject), new(HealthGridClaims.Name, user.Name) };
        claims.AddRange(user.Roles.Select(r => new Claim(HealthGridClaims.Role, r)));
        claims.AddRange((user.Teams ?? []).Select(t => new Claim(HealthGridClaims.Team, t)));
        claims.AddRange((user.Accounts ?? []).Select(a => new Claim(HealthGridClaims.Account, a)));
        if (user.ProcessOwner is { } owner)
        {
            claims.Add(new Claim(HealthGridClaims.ProcessOwner, owner));
        }

        var now = time.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + options.Value.TokenLifetime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
