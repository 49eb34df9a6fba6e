using FluentValidation;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Customers;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Api.Customers;

/// <summary>A customer's profile: dependencies on processes and journey stages must name configured ones.</summary>
public sealed class CustomerRequestValidator : RequestValidator<CustomerRequest>
{
    public const int MaxListLength = 200;

    public CustomerRequestValidator(CurrentOrganisation organisation)
    {
        RuleFor(c => c.AccountId).Identifier();
        RuleFor(c => c.Name).RequiredText(200);
        RuleFor(c => c.Tier).Known();
        RuleFor(c => c.Criticality).Known();
        RuleFor(c => c.Segment).RequiredText(64);
        RuleFor(c => c.Region).RequiredText(64);
        RuleFor(c => c.Revenue).Present().GreaterThanOrEqualTo(0).WithMessage("must not be negative");
        RuleFor(c => c.Products).Must(p => p is null || p.Count <= MaxListLength).WithMessage($"must have at most {MaxListLength} entries");
        RuleForEach(c => c.Products).Cascade(CascadeMode.Continue).RequiredText(128);
        RuleFor(c => c.Dependencies).Must(d => d is null || d.Count <= MaxListLength).WithMessage($"must have at most {MaxListLength} entries");
        RuleForEach(c => c.Dependencies).Cascade(CascadeMode.Continue).Present().SetValidator(new Dependency(organisation)!);
        RuleFor(c => c.Contacts).Must(c => c is null || c.Count <= MaxListLength).WithMessage($"must have at most {MaxListLength} entries");
        RuleForEach(c => c.Contacts).Cascade(CascadeMode.Continue).Present().SetValidator(new Contact()!);
    }

    private sealed class Dependency : RequestValidator<DependencyRequest>
    {
        public Dependency(CurrentOrganisation organisation)
        {
            RuleFor(d => d.Type).Known();
            RuleFor(d => d.Id).Identifier()
                .Must((d, id) => d.Type.Value != DependencyType.JourneyStage || organisation.Index.IsStage(id!)).WithMessage(d => $"'{d.Id}' is not a configured journey stage")
                .Must((d, id) => d.Type.Value != DependencyType.Process || organisation.Index.IsProcess(id!)).WithMessage(d => $"'{d.Id}' is not a configured process");
            RuleFor(d => d.RecoveryHours).Present().Between(0, 24 * 365);
            RuleFor(d => d.DegradedTolerancePercent).Between(0, 100);
        }
    }

    private sealed class Contact : RequestValidator<ContactRequest>
    {
        public Contact()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage(FieldRules.Required);
            RuleFor(c => c.Role).NotEmpty().WithMessage(FieldRules.Required);
            RuleFor(c => c.Email).AtMost(254);
            RuleFor(c => c.Phone).AtMost(64);
            RuleFor(c => c.EscalationOrder).Between(1, 100);
        }
    }
}
