using HealthGrid.Configuration;
using HealthGrid.Sla;
using Microsoft.Extensions.Options;

namespace HealthGrid.Customers;

/// <summary>The configuration a customer's events are applied with, as in force at the moment of the event.</summary>
public sealed record CustomerRules(HealthModelOptions Model, AlertOptions Alerts, SlaOptions Sla, SlaPolicies Policies, OrganisationIndex Organisation);

/// <summary>Gives the rules in force; configuration changes apply to the next event.</summary>
public sealed class CurrentCustomerRules(
    IOptionsMonitor<HealthModelOptions> model,
    IOptionsMonitor<AlertOptions> alerts,
    IOptionsMonitor<SlaOptions> sla,
    CurrentSlaPolicies policies,
    CurrentOrganisation organisation)
{
    public CustomerRules Now => new(model.CurrentValue, alerts.CurrentValue, sla.CurrentValue, policies.Policies, organisation.Index);
}
