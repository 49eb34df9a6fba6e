using HealthGrid.Api.Infrastructure;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Accounts;

namespace HealthGrid.Api.Accounts;

/// <summary>An account: a name, an account manager (a user id), optional segment and region.</summary>
public sealed class AccountRequestValidator : RequestValidator<AccountRequest>
{
    public AccountRequestValidator()
    {
        RuleFor(a => a.Name).RequiredText(200);
        RuleFor(a => a.AccountManager).Identifier();
        RuleFor(a => a.Segment).AtMost(64);
        RuleFor(a => a.Region).AtMost(64);
    }
}

/// <summary>Checks an account request for the account <c>id</c> and turns it into its profile.</summary>
public sealed class AccountValidator(AccountRequestValidator validator)
{
    public AccountProfile? Validate(string id, AccountRequest r, FieldErrors errors)
    {
        if (Identifiers.Problem(id) is { } problem)
        {
            errors.Add("id", problem);
        }
        else if (r.Id is not null && r.Id != id)
        {
            errors.Add("id", "must match the id in the path");
        }

        errors.Add(validator.Validate(r));
        return errors.IsEmpty
            ? new AccountProfile { Id = id, Name = r.Name!, AccountManager = r.AccountManager!, Segment = r.Segment, Region = r.Region }
            : null;
    }
}
