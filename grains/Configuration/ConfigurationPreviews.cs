using System.Collections.Concurrent;
using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Configuration;
using HealthGrid.GrainInterfaces.Accounts;
using HealthGrid.GrainInterfaces.Configuration;
using HealthGrid.GrainInterfaces.Customers;
using HealthGrid.Grains.Cluster;
using HealthGrid.GrainInterfaces.JourneyStages;
using HealthGrid.GrainInterfaces.Notifications;
using HealthGrid.GrainInterfaces.ProcessOwners;
using HealthGrid.Hosting.Configuration;
using HealthGrid.Storage.Projections;

namespace HealthGrid.Grains.Configuration;

/// <summary>
/// Works out what a proposed document would do to live state now by asking every grain whose state
/// depends on the area (<see cref="IConfigurationDependent"/>) — the same grains, with the same code,
/// that re-evaluate themselves when the change is applied — and adding up their answers.
/// </summary>
public sealed class ConfigurationPreviews(IGrainFactory grains, IProjectionStore store, CurrentOrganisation organisation, IClusterMembershipService membership, ClusterPeerClient peers, TimeProvider time)
{
    private const int Concurrency = 64;

    public async Task<ConfigurationPreview> PreviewAsync(IConfigurationArea area, string document)
    {
        var proposal = new ConfigurationProposal(area.Name, document, time.GetUtcNow());
        var dependents = await DependentsAsync(area.Name);
        var found = new ConcurrentBag<ConfigurationEffects>();
        await Parallel.ForEachAsync(dependents, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (dependent, _) =>
        {
            var effects = await dependent.PreviewAsync(proposal);
            if (!effects.IsEmpty)
            {
                found.Add(effects);
            }
        });
        return ConfigurationPreview.Of(area.Name, area.Current.Version, proposal.At, dependents.Count, [.. found], Notes(area.Name));
    }

    /// <summary>Who depends on an area: the same grains <see cref="ConfigurationFollowUps"/> and the silos' registries re-evaluate.</summary>
    public async Task<IReadOnlyList<IConfigurationDependent>> DependentsAsync(string area) => area switch
    {
        ConfigurationAreaNames.Sla => [.. (await CustomersWithOpenCasesAsync()).Select(id => grains.GetGrain<ICustomerGrain>(id))],
        ConfigurationAreaNames.HealthModel => [.. (await store.ListCustomerIdsAsync(CancellationToken.None)).Select(id => grains.GetGrain<ICustomerGrain>(id))],
        ConfigurationAreaNames.Alerts => [
            .. organisation.Index.Owners.Select(o => (IConfigurationDependent)grains.GetGrain<IProcessOwnerGrain>(o.Id)),
            .. (await store.ListAccountsAsync(CancellationToken.None)).Select(a => grains.GetGrain<IAccountGrain>(a.Id)),
        ],
        ConfigurationAreaNames.Organisation => [.. organisation.Index.Stages.Select(s => grains.GetGrain<IJourneyStageGrain>(s.Id))],
        ConfigurationAreaNames.Notifications => [.. (await DisabledContactPointsAsync()).Select(id => grains.GetGrain<IContactPointGrain>(id))],
        _ => [],
    };

    /// <summary>Those the projections list, and those every silo has active with open cases (the ones a change re-evaluates at once).</summary>
    private async Task<IEnumerable<string>> CustomersWithOpenCasesAsync()
    {
        var silos = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);
        var active = await Task.WhenAll(silos.Select(s => peers.On(s).CustomersWithOpenCasesAsync()));
        var listed = await store.ListCustomersWithOpenCasesAsync(CancellationToken.None);
        return listed.Concat(active.SelectMany(a => a)).Distinct(StringComparer.Ordinal);
    }

    /// <summary>The contact points with an open "disabled" alert: the ones a change can repair.</summary>
    private async Task<IEnumerable<string>> DisabledContactPointsAsync()
    {
        var open = await store.QueryAlertsAsync(new AlertQuery { Type = AlertType.EndpointDisabled, State = AlertState.Raised, Limit = 1000 }, CancellationToken.None);
        var acknowledged = await store.QueryAlertsAsync(new AlertQuery { Type = AlertType.EndpointDisabled, State = AlertState.Acknowledged, Limit = 1000 }, CancellationToken.None);
        return open.Items.Concat(acknowledged.Items).Select(a => a.OwnerId).Distinct(StringComparer.Ordinal);
    }

    private static string[] Notes(string area) => area switch
    {
        ConfigurationAreaNames.Sla => ["Deadlines are those of the open cases now; the reminder period and how long resolved cases stay apply from the next change of each case."],
        ConfigurationAreaNames.HealthModel => ["Weights, priors, scales and bands re-weigh each customer's evidence at once; half-lives and observation settings shape evidence from the next event on."],
        ConfigurationAreaNames.Alerts => ["Theme and concentration thresholds are judged now; health-drop, frustration and change-lookback settings apply from the next event."],
        ConfigurationAreaNames.Organisation => ["Ownership gaps close or open now; codes, processes and stage routing apply to cases and events from the next event on."],
        ConfigurationAreaNames.Notifications => ["Contact points enabled again (or removed) resolve their \"disabled\" alert now; rules and recipients apply to alert changes from now on, and notifications already decided keep their steps."],
        ConfigurationAreaNames.Privacy => ["Redaction applies to events accepted from now on; texts already stored stay as they were stored."],
        _ => ["Nothing in the live state depends on this area; it applies from its next use."],
    };
}
