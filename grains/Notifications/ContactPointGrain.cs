using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Notifications;
using HealthGrid.GrainInterfaces.Notifications;
using HealthGrid.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Notifications;

/// <summary>
/// A contact point's operational alert: raised to the operators when its endpoint is disabled (410 Gone),
/// resolved when a configuration version enables it again or removes it, as that version's preview says.
/// Saved at once: an alert that tells admins nobody is being reached must not wait for a periodic save.
/// </summary>
public sealed class ContactPointGrain(
    [PersistentState("contact-point", StorageNames.Organisation)] IPersistentState<ContactPointState> state,
    OrganisationServices services,
    IOptionsMonitor<NotificationOptions> notifications) : OrganisationGrain<ContactPointState>(state, services), IContactPointGrain
{
    public async Task DisabledAsync(ChannelKind channel, string reason)
    {
        if (Alerts.Open.Any())
        {
            return;
        }

        State.Disablements++;
        Alerts.Put(EndpointAlerts.Disabled(EndpointAlerts.Id(Id, State.Disablements), Id, channel, reason, Services.Time.GetUtcNow()));
        await SaveNowAsync();
    }

    public Task<ConfigurationEffects> PreviewAsync(ConfigurationProposal proposal)
    {
        if (proposal.Area != ConfigurationAreaNames.Notifications || !EndpointAlerts.IsRepaired(Services.Proposals.Options<NotificationOptions>(proposal), Id))
        {
            return Task.FromResult(ConfigurationEffects.None);
        }

        return Task.FromResult(new ConfigurationEffects { AlertsClosing = [.. Alerts.Open.Select(a => new AlertEffect(a.Type, Id, $"Resolved: {a.Message}", a.Id))] });
    }

    public async Task ReevaluateAsync(string area)
    {
        if (area != ConfigurationAreaNames.Notifications || !Alerts.Open.Any() || !EndpointAlerts.IsRepaired(notifications.CurrentValue, Id))
        {
            return;
        }

        foreach (var open in Alerts.Open.Select(a => a.Id).ToList())
        {
            Alerts.Clear(open);
        }

        await SaveNowAsync();
    }
}
