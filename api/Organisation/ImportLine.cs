using HealthGrid.Api.Accounts;
using HealthGrid.Api.Customers;

namespace HealthGrid.Api.Organisation;

/// <summary>One line of a JSON-lines import: exactly one of an account or a customer (each with its id).</summary>
public sealed class ImportLine
{
    public AccountRequest? Account { get; set; }

    public CustomerRequest? Customer { get; set; }
}
