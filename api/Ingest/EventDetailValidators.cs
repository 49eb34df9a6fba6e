using FluentValidation;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Api.Ingest;

/// <summary>The rules of each kind's detail object; the cross-field ones (a score's range by survey type, a late delivery's delay) are written out.</summary>
public static class EventDetailValidators
{
    public sealed class Ticket : RequestValidator<TicketRequest>
    {
        public Ticket(InteractionKind kind, Func<int> maxText)
        {
            RuleFor(t => t.TicketId).Identifier();
            RuleFor(t => t.Severity).Known().When(_ => kind == InteractionKind.TicketOpened);
            RuleFor(t => t.Severity).KnownOrAbsent().When(_ => kind != InteractionKind.TicketOpened);
            RuleFor(t => t.Category).AtMost(128);
            RuleFor(t => t.Text).AtMost(maxText);
            RuleFor(t => t.Status).KnownOrAbsent()
                .Must(s => s.Value is null or CaseStatus.Resolved or CaseStatus.Closed).When(_ => kind == InteractionKind.TicketResolved)
                .WithMessage("must be resolved or closed (or absent) for ticket_resolved");
            RuleFor(t => t.Author).KnownOrAbsent();
            RuleFor(t => t.Assignee).OptionalIdentifier();
            RuleFor(t => t.Team).OptionalIdentifier();
        }
    }

    public sealed class Survey : RequestValidator<SurveyRequest>
    {
        public Survey(Func<int> maxText)
        {
            RuleFor(s => s.Type).Known();
            RuleFor(s => s.Score).Present().Custom((score, context) =>
            {
                // The scale depends on the survey's type: NPS 0-10, CSAT 1-5, CES 1-7.
                if (context.InstanceToValidate.Type.Value is { } type && score is { } value)
                {
                    var (min, max) = type switch { SurveyType.Nps => (0, 10), SurveyType.Csat => (1, 5), _ => (1, 7) };
                    if (value < min || value > max)
                    {
                        context.AddFailure($"must be between {min} and {max}");
                    }
                }
            });
            RuleFor(s => s.Verbatim).AtMost(maxText);
        }
    }

    public sealed class Complaint : RequestValidator<ComplaintRequest>
    {
        public Complaint(CurrentOrganisation organisation, Func<int> maxText)
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(FieldRules.Required)
                .Must(code => organisation.Index.IsCode(code!)).WithMessage(c => $"'{c.Code}' is not a configured categorization code");
            RuleFor(c => c.Severity).Known();
            RuleFor(c => c.Text).AtMost(maxText);
            RuleFor(c => c.CaseId).OptionalIdentifier();
            RuleFor(c => c.Assignee).OptionalIdentifier();
            RuleFor(c => c.Team).OptionalIdentifier();
        }
    }

    public sealed class Social : RequestValidator<SocialRequest>
    {
        public Social() => RuleFor(s => s.Platform).AtMost(64);
    }

    public sealed class Delivery : RequestValidator<DeliveryRequest>
    {
        public Delivery()
        {
            RuleFor(d => d.OnTime).Present();
            RuleFor(d => d.DelayHours).Present().Between(0, 24 * 365).When(d => d.OnTime == false);
            RuleFor(d => d.DelayHours).Must(h => h is not > 0).When(d => d.OnTime == true).WithMessage("must be absent or 0 when the delivery was on time");
        }
    }

    public sealed class Payment : RequestValidator<PaymentRequest>
    {
        public Payment() => RuleFor(p => p.DaysLate).Present().Between(0, 3650);
    }

    public sealed class Usage : RequestValidator<UsageRequest>
    {
        public Usage()
        {
            RuleFor(u => u.ActiveUsers).Present().Between(0, 100_000_000);
            RuleFor(u => u.LicensedUsers).Present().Between(1, 100_000_000);
        }
    }

    public sealed class Change : RequestValidator<ChangeRequest>
    {
        public Change()
        {
            RuleFor(c => c.ChangeId).OptionalIdentifier();
            RuleFor(c => c.Description).RequiredText(2_000);
            RuleFor(c => c.Product).AtMost(128);
            RuleFor(c => c.Region).AtMost(64);
        }
    }
}
