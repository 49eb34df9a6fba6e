using FluentValidation;
using HealthGrid.Api.Infrastructure.Validation;

namespace HealthGrid.Api.Customers;

/// <summary>An erasure's body (with the query's reason folded in): a reason, and no field it does not know.</summary>
public sealed class ErasureRequestValidator : RequestValidator<ErasureRequest>
{
    public const int MaxReasonLength = 500;

    public ErasureRequestValidator() =>
        RuleFor(r => r.Reason).NotEmpty()
            .WithMessage("is required: say why the customer is erased (the request, a ticket); it is kept in the audit log")
            .AtMost(MaxReasonLength);
}
