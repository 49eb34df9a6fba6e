using HealthGrid.Api.Live;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace HealthGrid.Api.Auth;

public static class AuthSetup
{
    /// <summary>
    /// JWT bearer authentication, from an OpenID Connect authority or a signing key. Browsers cannot
    /// set headers on WebSockets, so the dashboard hub also takes the token from the
    /// <c>access_token</c> query string, and only the hub does.
    /// </summary>
    public static IServiceCollection AddHealthGridAuth(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<AuthOptions>, SigningKey>((jwt, options, key) =>
        {
            var auth = options.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Authority is null ? auth.Issuer : null,
                ValidateIssuer = true,
                ValidAudience = auth.Audience,
                NameClaimType = HealthGridClaims.Subject,
                RoleClaimType = HealthGridClaims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            if (auth.Authority is { } authority)
            {
                // Keys and issuer come from the provider's discovery document.
                jwt.Authority = authority;
                jwt.RequireHttpsMetadata = auth.RequireHttpsMetadata;
            }
            else
            {
                jwt.TokenValidationParameters.IssuerSigningKey = key.Key;
            }

            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    var path = context.HttpContext.Request.Path;
                    if (path.StartsWithSegments(DashboardHub.Path) && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                    {
                        context.Token = token;
                    }
                    else if (SessionCookie.ReadsCookie(path) && context.Request.Cookies[SessionCookie.Name] is { Length: > 0 } cookie && string.IsNullOrEmpty(context.Request.Headers.Authorization))
                    {
                        context.Token = cookie;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorization(AuthPolicies.Add);
        return services;
    }
}
