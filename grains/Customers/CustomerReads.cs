using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Continuity;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;

namespace HealthGrid.Grains.Customers;

/// <summary>What a customer grain answers without writing: its view, history, cases and disruption projections.</summary>
internal sealed class CustomerReads(CustomerModel customer, CustomerServices services)
{
    private const int RecentChangesShown = 5;

    public async Task<CustomerView> ViewAsync(CustomerProfile profile)
    {
        var recent = await services.History.ReadAsync(customer.CustomerId, null, RecentChangesShown);
        return new CustomerView(profile, HealthView.Build(customer.State.Health, services.Time.GetUtcNow(), services.Rules.Now.Model, recent))
        {
            // Whether each is stale is the cluster's knowledge, added by the API from the sources' grains.
            Sources = [.. customer.State.Sources.Select(s => new CustomerSource(s.Key, s.Key, s.Value, Stale: false, Note: null))],
        };
    }

    public async Task<ScoreHistoryPage> HistoryAsync(long? before, int limit)
    {
        var items = await services.History.ReadAsync(customer.CustomerId, before, limit);
        return new ScoreHistoryPage(items, items.Length == limit ? items[^1].Seq : null);
    }

    /// <summary>An open case from memory; a closed one (purged from the state) from the case list.</summary>
    public async Task<CaseView?> CaseAsync(string caseId)
    {
        if (customer.Case(caseId, services.Rules.Now, services.Time.GetUtcNow()) is { } live)
        {
            return live;
        }

        var stored = services.Publisher.PendingCase(caseId) ?? await services.Store.GetCaseAsync(caseId, CancellationToken.None);
        return stored?.CustomerId == customer.CustomerId ? stored : null;
    }

    /// <summary>
    /// What a proposed configuration would change here, worked out on copies: new SLA policies on the
    /// open cases, a new health model on the score.
    /// </summary>
    public ConfigurationEffects Preview(ConfigurationProposal proposal) => proposal.Area switch
    {
        ConfigurationAreaNames.Sla when customer.State.Cases.Values.Any(c => c.IsOpen) =>
            customer.PreviewSla(services.Copier.Copy(customer.State.Cases), services.Rules.Now, services.Proposals.For(proposal), proposal.At),
        ConfigurationAreaNames.HealthModel => customer.PreviewHealth(services.Proposals.For(proposal).Model),
        _ => ConfigurationEffects.None,
    };

    /// <summary>
    /// Runs the scenario forward on a copy of the state: one synchronous turn, so no event is half
    /// applied in what is copied, and nothing the projection does reaches the live state.
    /// </summary>
    public CustomerImpact? Simulate(ScenarioPlan plan) =>
        DisruptionSimulator.Project(new CustomerModel(customer.CustomerId, services.Copier.Copy(customer.State)), services.Rules.Now, plan);
}
