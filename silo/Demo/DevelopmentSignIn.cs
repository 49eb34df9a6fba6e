using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HealthGrid.Silo.Demo;

/// <summary>
/// The dashboard's development sign-in: the demo users and a token for one of them. Mapped only in
/// development mode (<see cref="AuthOptions.Development"/>); elsewhere these routes do not exist and
/// tokens come from the identity provider.
/// </summary>
public static class DevelopmentSignIn
{
    public const string Path = "/api/v1/dev/users";

    public static WebApplication MapDevelopmentSignIn(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Development)
        {
            return app;
        }

        var group = app.MapGroup(Path).WithTags("Development").AllowAnonymous().RequireRateLimiting(RateLimits.Reads);
        group.MapGet("/", (DemoUsers users) => TypedResults.Ok(users.All.Select(View))).WithName("ListDemoUsers").WithSummary("Development mode: the demo users one can sign in as");
        group.MapPost("/{id}/token", async Task<Results<Ok<SignInResult>, NotFound>> (
                string id, DemoUsers users, TokenIssuer issuer, IOptions<AuthOptions> options, TimeProvider time, IGrainFactory grains, HttpContext context) =>
            {
                if (users.Find(id) is not { } user)
                {
                    return TypedResults.NotFound();
                }

                await AuditTrail.Log(grains).RecordAsync(AuditTrail.Record(context, user.Claims.Subject, AuditActions.SignIn, $"user/{user.Claims.Subject}",
                    new { roles = user.Claims.Roles, via = "development sign-in" }));
                return TypedResults.Ok(new SignInResult(issuer.Issue(user.Claims), time.GetUtcNow() + options.Value.TokenLifetime, View(user)));
            })
            .WithName("SignInAsDemoUser").WithSummary("Development mode: a signed token for a demo user");
        return app;
    }

    private static DemoUserView View(DemoUser user) =>
        new(user.Id, user.Claims.Name, user.Description, user.Claims.Roles, user.Claims.Accounts ?? [], user.Claims.Teams ?? [], user.Claims.ProcessOwner);
}

public sealed record DemoUserView(string Id, string Name, string Description, string[] Roles, string[] Accounts, string[] Teams, string? ProcessOwner);

public sealed record SignInResult(string Token, DateTimeOffset ExpiresAt, DemoUserView User);
