using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Notifications;
using HealthGrid.Domain.Sla;
using HealthGrid.Grains.Notifications.Delivery;
using HealthGrid.Hosting.Background;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Notifications;

public static class NotificationServices
{
    /// <summary>The notifications area (contact points, recipients, rules), validated against the SLA calendars in force.</summary>
    public static IServiceCollection AddHealthGridNotifications(this IServiceCollection services)
    {
        services.AddConfigurationArea<NotificationOptions>(ConfigurationAreaNames.Notifications, NotificationOptions.Section);
        services.AddSingleton<IValidateOptions<NotificationOptions>>(sp =>
        {
            var sla = sp.GetRequiredService<ConfigurationArea<SlaOptions>>();
            return new NotificationOptionsValidator(() => [.. sla.CurrentValue.Calendars.Select(c => c.Id)], NotificationTexts.ParseError);
        });
        // The key ring that signs links (and, in PostgreSQL mode, encrypts secrets): the storage mode says where it is kept.
        services.AddDataProtection().SetApplicationName("HealthGrid");
        services.AddSingleton<NotificationDecider>();
        services.AddSingleton<NotificationTexts>();
        services.AddSingleton<NotificationLinks>();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton<HttpNotificationChannel>();
        services.AddSingleton<SmtpConnections>();
        services.AddSingleton<EmailNotificationChannel>();
        services.AddSingleton<EndpointDisabler>();
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationTester>();
        services.AddSingleton<NotificationClaims>();
        services.AddBackgroundLoop<NotificationWorker>();
        services.AddBackgroundLoop<NotificationClaimRenewal>();

        // Each attempt is bounded by the configured timeout; retries are the worker's durable schedule.
        // No request logging: the delivery log records every attempt, and four log lines per notification
        // (the factory's default, at Information) cost more CPU at peak than sending it.
        services.AddHttpClient(HttpNotificationChannel.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddResilienceHandler(HttpNotificationChannel.ClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<NotificationOptions>>();
                pipeline.AddTimeout(new HttpTimeoutStrategyOptions { TimeoutGenerator = _ => ValueTask.FromResult(options.CurrentValue.AttemptTimeout) });
            });
        return services;
    }
}
