using HealthGrid.Api.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HealthGrid.Api.Auth;

/// <summary>
/// The bearer token as an HttpOnly, SameSite=Strict cookie, for the pages a browser loads directly
/// (the Orleans Dashboard, the API reference): the dashboard posts its token here after sign-in.
/// The cookie is read only for those pages' paths (<see cref="ReadsCookie"/>); the API and the hub
/// take the header (or, for WebSockets, the query string) alone, so the cookie cannot be used to
/// forge API calls.
/// </summary>
public static class SessionCookie
{
    public const string Name = "healthgrid_session";
    public const string Path = "/api/v1/session";
    private static readonly string[] CookiePaths = ["/orleans", "/api-reference", "/openapi"];

    public static bool ReadsCookie(PathString path) => CookiePaths.Any(p => path.StartsWithSegments(p));

    public static IEndpointRouteBuilder MapSessionCookie(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Session").RequireRateLimiting(RateLimits.Reads);
        group.MapPost("/", (HttpContext context) =>
        {
            // Signed in through the header (the only way on this path), so it holds a bearer token.
            var token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
            context.Response.Cookies.Append(Name, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            return TypedResults.NoContent();
        }).WithName("StartSession").WithSummary("Keep the caller's bearer token in a cookie for the operations pages (Orleans Dashboard, API reference)");
        group.MapDelete("/", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });
            return TypedResults.NoContent();
        }).AllowAnonymous().WithName("EndSession").WithSummary("Forget the session cookie");
        return app;
    }
}
