using HealthGrid.Api.Accounts;
using HealthGrid.Api.Alerts;
using HealthGrid.Api.Audit;
using HealthGrid.Api.Auth;
using HealthGrid.Api.Cases;
using HealthGrid.Api.Configuration;
using HealthGrid.Api.Connectors;
using HealthGrid.Api.Connectors.RabbitMq;
using HealthGrid.Api.Continuity;
using HealthGrid.Api.Customers;
using HealthGrid.Api.Identity;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Api.Ingest;
using HealthGrid.Api.Ingest.CloudEvents;
using HealthGrid.Api.JourneyStages;
using HealthGrid.Api.Kpis;
using HealthGrid.Api.Live;
using HealthGrid.Api.Notifications;
using HealthGrid.Api.Organisation;
using HealthGrid.Api.ProcessOwners;
using HealthGrid.Api.Sources;
using HealthGrid.Api.SystemChanges;
using HealthGrid.Domain.Kpis;
using HealthGrid.GrainInterfaces.Live;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api;

public static class ApiServices
{
    public static IServiceCollection AddHealthGridApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

        // Body binding failures reach RequestExceptionHandler, which names the field at fault.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<InfrastructureExceptionHandler>();
        services.AddExceptionHandler<RequestExceptionHandler>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "HealthGrid API";
                document.Info.Description = "Real-time customer health and escalation. Every route needs a bearer token (JWT) whose roles and scope claims decide what it may read and change; see docs/access.md.";
                return Task.CompletedTask;
            });
            options.DescribeWireTypes();
        });
        services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        services.AddHealthGridAuth();
        services.AddHealthGridRateLimits();
        services.AddHealthGridCors();
        services.AddSingleton<LiveRecipients>();
        services.AddSingleton<ILiveSubscriber, SignalRLiveSubscriber>();
        services.AddSingleton<LiveConversations>();
        services.AddSingleton<EscalationCounter>();
        services.AddSingleton<KpiCalculator>();
        services.AddBackgroundLoop<KpiPublisher>();
        services.AddValidatedOptions<IngestOptions>(IngestOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CurrentOrganisation>();
        services.AddSingleton<IngestMetrics>();
        ValidationSetup.Configure();
        services.AddSingleton<RetryAfter>();
        services.AddSingleton<EventValidator>();
        services.AddSingleton<CloudEventMapping>();
        services.AddSingleton<AccountRequestValidator>();
        services.AddSingleton<AccountValidator>();
        services.AddSingleton<CustomerRequestValidator>();
        services.AddSingleton<ErasureRequestValidator>();
        services.AddSingleton<ScenarioRequestValidator>();
        services.AddSingleton<EventIngestor>();
        services.AddSingleton<QueueMessageReader>();
        services.AddSingleton<QueueMessageSettler>();
        services.AddSingleton<QueueMetrics>();
        services.AddBackgroundLoop<QueueConsumerLoop>();
        services.AddSingleton<SourceTracker>();
        services.AddSingleton<StaleSources>();
        services.AddBackgroundLoop<SourceWatch>();
        services.AddSingleton<CustomerValidator>();
        services.AddSingleton<ProfileWriter>();
        services.AddSingleton<ScenarioValidator>();
        services.AddSingleton<ConfigurationPutRequestValidator>();
        services.AddSingleton<ConfigurationPreviewRequestValidator>();
        services.AddSingleton<ConfigurationRollbackRequestValidator>();
        return services;
    }

    /// <summary>
    /// Maps every API route under /api/v1, the dashboard hub and the OpenAPI document. Every route
    /// needs a signed-in user unless it says otherwise; the OpenAPI document is for executives and
    /// admins, or anyone in development mode.
    /// </summary>
    public static WebApplication MapHealthGridApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AdminSessionAudit>();
        app.UseRateLimiter();
        app.MapEventEndpoints();
        app.MapCustomerEndpoints();
        app.MapAccountEndpoints();
        app.MapImportEndpoints();
        app.MapIdentityEndpoints();
        app.MapConnectorEndpoints();
        app.MapSourceEndpoints();
        app.MapJourneyStageEndpoints();
        app.MapProcessOwnerEndpoints();
        app.MapSystemChangeEndpoints();
        app.MapCaseEndpoints();
        app.MapAlertEndpoints();
        app.MapNotificationEndpoints();
        app.MapLiveEndpoints();
        app.MapContinuityEndpoints();
        app.MapConfigurationEndpoints();
        app.MapAuditEndpoints();
        app.MapSessionCookie();
        // A connection ends when its token expires: a revoked or lapsed user stops receiving pushes.
        app.MapHub<DashboardHub>(DashboardHub.Path, o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(AuthPolicies.Dashboard);
        var openApi = app.MapOpenApi();
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Development)
        {
            openApi.AllowAnonymous();
        }
        else
        {
            openApi.RequireAuthorization(AuthPolicies.ApiReference);
        }

        return app;
    }
}
