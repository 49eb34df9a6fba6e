using HealthGrid.Domain.Alerts;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Alerts;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.GrainInterfaces.Notifications;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.GrainInterfaces.Sources;

namespace HealthGrid.Api.Alerts;

/// <summary>The grain that raised an alert decides its lifecycle: acknowledging or resolving goes to it, from the dashboard or a notification's link.</summary>
public static class AlertOwners
{
    public static IAlertOwner Of(IGrainFactory grains, Alert alert) => alert.OwnerKind switch
    {
        AlertOwnerKind.Customer => grains.GetGrain<ICustomerGrain>(alert.OwnerId),
        AlertOwnerKind.ProcessOwner => grains.GetGrain<IProcessOwnerGrain>(alert.OwnerId),
        AlertOwnerKind.JourneyStage => grains.GetGrain<IJourneyStageGrain>(alert.OwnerId),
        AlertOwnerKind.Account => grains.GetGrain<IAccountGrain>(alert.OwnerId),
        AlertOwnerKind.ContactPoint => grains.GetGrain<IContactPointGrain>(alert.OwnerId),
        AlertOwnerKind.Source => grains.GetGrain<ISourceGrain>(alert.OwnerId),
        _ => throw new ArgumentOutOfRangeException(nameof(alert), alert.OwnerKind, "unknown alert owner"),
    };
}
