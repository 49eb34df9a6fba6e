using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Accounts;

namespace HealthGrid.Api.Accounts;

public static class AccountValidator
{
    public static AccountProfile? Validate(string id, AccountRequest r, FieldErrors errors)
    {
        Identifiers.Check(errors, "id", id);
        if (r.Id is not null && r.Id != id)
        {
            errors.Add("id", "must match the id in the path");
        }

        errors.Required("name", r.Name);
        errors.MaxLength("name", r.Name, 200);
        Identifiers.Check(errors, "accountManager", r.AccountManager);
        errors.MaxLength("segment", r.Segment, 64);
        errors.MaxLength("region", r.Region, 64);
        return errors.IsEmpty
            ? new AccountProfile { Id = id, Name = r.Name!, AccountManager = r.AccountManager!, Segment = r.Segment, Region = r.Region }
            : null;
    }
}
