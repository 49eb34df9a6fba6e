using HealthGrid.Domain.Alerts;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Sla;

namespace HealthGrid.Domain.Customers;

/// <summary>The configuration a customer's events are applied with, as in force at the moment of the event.</summary>
public sealed record CustomerRules(HealthModelOptions Model, AlertOptions Alerts, SlaOptions Sla, SlaPolicies Policies, OrganisationIndex Organisation);
