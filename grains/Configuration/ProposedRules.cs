using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Configuration;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Sla;
using HealthGrid.Grains.Customers;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Grains.Configuration;

/// <summary>
/// The rules a proposed document would put in force: the rules now with the proposed area replaced.
/// A preview asks every customer on a silo with the same proposal, so each silo reads a document once
/// (the last few are kept).
/// </summary>
public sealed class ProposedRules(ConfigurationAreas areas, CurrentCustomerRules current)
{
    private const int Kept = 4;
    private readonly Lock gate = new();
    private readonly LinkedList<(string Area, string Document, CustomerRules Rules)> recent = [];

    /// <summary>The options a (valid) proposed document holds.</summary>
    public TOptions Options<TOptions>(ConfigurationProposal proposal)
        where TOptions : class =>
        areas.Find(proposal.Area)?.Parse(proposal.Document) is { IsValid: true, Options: TOptions options }
            ? options
            : throw new ArgumentException($"The proposed document for '{proposal.Area}' is not a valid {typeof(TOptions).Name}.", nameof(proposal));

    public CustomerRules For(ConfigurationProposal proposal)
    {
        lock (gate)
        {
            foreach (var (area, document, rules) in recent)
            {
                if (area == proposal.Area && document == proposal.Document)
                {
                    return rules;
                }
            }
        }

        var now = current.Now;
        var proposed = proposal.Area switch
        {
            ConfigurationAreaNames.Sla when Options<SlaOptions>(proposal) is var sla => now with { Sla = sla, Policies = new SlaPolicies(sla) },
            ConfigurationAreaNames.HealthModel => now with { Model = Options<HealthModelOptions>(proposal) },
            ConfigurationAreaNames.Alerts => now with { Alerts = Options<AlertOptions>(proposal) },
            ConfigurationAreaNames.Organisation => now with { Organisation = new OrganisationIndex(Options<OrganisationOptions>(proposal)) },
            _ => now,
        };
        lock (gate)
        {
            recent.AddFirst((proposal.Area, proposal.Document, proposed));
            if (recent.Count > Kept)
            {
                recent.RemoveLast();
            }
        }

        return proposed;
    }
}
