using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Sla;
using HealthGrid.Grains.Sla;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace HealthGrid.Grains.Customers;

/// <summary>
/// Gives the rules in force; configuration changes apply to the next event. The same instance is
/// handed out until one of the parts changes (asked for on every event, it was an allocation each).
/// </summary>
public sealed class CurrentCustomerRules(
    IOptionsMonitor<HealthModelOptions> model,
    IOptionsMonitor<AlertOptions> alerts,
    IOptionsMonitor<SlaOptions> sla,
    CurrentSlaPolicies policies,
    CurrentOrganisation organisation)
{
    private CustomerRules? current;

    public CustomerRules Now
    {
        get
        {
            var (m, a, s, p, o) = (model.CurrentValue, alerts.CurrentValue, sla.CurrentValue, policies.Policies, organisation.Index);
            var known = Volatile.Read(ref current);
            if (known is not null && ReferenceEquals(known.Model, m) && ReferenceEquals(known.Alerts, a) && ReferenceEquals(known.Sla, s)
                && ReferenceEquals(known.Policies, p) && ReferenceEquals(known.Organisation, o))
            {
                return known;
            }

            var fresh = new CustomerRules(m, a, s, p, o);
            Volatile.Write(ref current, fresh);
            return fresh;
        }
    }
}
