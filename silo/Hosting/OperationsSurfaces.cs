using HealthGrid.Api.Auth;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Scalar.AspNetCore;

namespace HealthGrid.Silo.Hosting;

/// <summary>
/// What operators and integrators open in a browser: the API reference (Scalar over the OpenAPI
/// document; executives and admins, or anyone in development mode) and the Orleans Dashboard at
/// <c>/orleans</c> (admins). Browsers cannot add a bearer header to a page load, so these pages also
/// accept the session cookie the dashboard sets at sign-in (<see cref="SessionCookie"/>).
/// </summary>
public static class OperationsSurfaces
{
    public const string OrleansPath = "/orleans";
    public const string ApiReferencePath = "/api-reference";

    public static WebApplication MapOperationsSurfaces(this WebApplication app)
    {
        var reference = app.MapScalarApiReference(ApiReferencePath, options => options
            .WithTitle("HealthGrid API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .ExcludeFromDescription();
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Development)
        {
            reference.AllowAnonymous();
        }
        else
        {
            reference.RequireAuthorization(AuthPolicies.ApiReference);
        }

        app.MapOrleansDashboard(OrleansPath).RequireAuthorization(AuthPolicies.Operations).ExcludeFromDescription();
        return app;
    }
}
