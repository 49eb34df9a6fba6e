using HealthGrid.Domain.Customers;

namespace HealthGrid.Domain.Accounts;

/// <summary>The account with its roll-up and its customers, least healthy first.</summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.AccountView")]
public sealed record AccountView(
    [property: Id(0)] AccountProfile Profile,
    [property: Id(1)] AccountRollup Rollup,
    [property: Id(2)] CustomerSummary[] Customers);
