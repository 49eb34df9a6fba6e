using FluentValidation;
using HealthGrid.Api.Infrastructure.Validation;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Ingest;

/// <summary>
/// The event contract: the fields every event has, and the detail of its kind (and no other detail).
/// The rules of each detail are in <see cref="EventDetailValidators"/>; what needs configuration (the
/// journey stages, the categorization codes, the limits) is read as it stands when the event arrives.
/// </summary>
public sealed class EventRequestValidator : RequestValidator<EventRequest>
{
    /// <summary>The kinds clients may post: the internal ones are written by HealthGrid itself.</summary>
    public static readonly IReadOnlyList<string> PublicKindNames =
        [.. Enum.GetValues<InteractionKind>().Where(k => !k.IsInternal()).Select(EnumNames<InteractionKind>.Name).Order(StringComparer.Ordinal)];

    private static readonly string PublicKinds = string.Join(", ", PublicKindNames);

    private static readonly string[] Details = ["text", "interactionId", "live", "direction", "team", "ticket", "survey", "complaint", "social", "delivery", "payment", "usage", "change"];

    public EventRequestValidator(CurrentOrganisation organisation, IOptionsMonitor<IngestOptions> options, TimeProvider time)
    {
        RuleFor(e => e.EventId).Identifier();
        RuleFor(e => e.Kind).Known(k => !k.IsInternal(), PublicKinds);
        RuleFor(e => e.Channel).Known();
        RuleFor(e => e.OccurredAt).Present()
            .Must(at => at <= time.GetUtcNow() + options.CurrentValue.MaxClockSkew).WithMessage("is in the future")
            .Must(at => at >= time.GetUtcNow() - options.CurrentValue.MaxEventAge).WithMessage(_ => $"is older than {options.CurrentValue.MaxEventAge.TotalDays:0} days");
        RuleFor(e => e.CustomerId).Null().When(e => e.Kind.Value == InteractionKind.SystemChange).WithMessage("must be omitted: system changes are organisation-wide");
        RuleFor(e => e.CustomerId).Identifier().When(e => e.Kind.Value != InteractionKind.SystemChange);
        RuleFor(e => e.Product).AtMost(128);
        RuleFor(e => e.JourneyStage).Must(stage => stage is null || organisation.Index.IsStage(stage))
            .WithMessage(e => $"'{e.JourneyStage}' is not a configured journey stage");
        RuleFor(e => e).Custom(RefuseOtherDetails).When(e => PublicKind(e) is not null);

        // Built once: a validator is built from expressions, far too costly to build per event.
        Func<int> text = () => options.CurrentValue.MaxTextLength;
        var tickets = new Dictionary<InteractionKind, EventDetailValidators.Ticket>
        {
            [InteractionKind.TicketOpened] = new(InteractionKind.TicketOpened, text),
            [InteractionKind.TicketUpdated] = new(InteractionKind.TicketUpdated, text),
            [InteractionKind.TicketResolved] = new(InteractionKind.TicketResolved, text),
        };
        When(e => PublicKind(e) is InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved, () =>
            RuleFor(e => e.Ticket!).NotNull().WithMessage(FieldRules.Required).SetValidator((e, _) => tickets[e.Kind.Value!.Value]));
        When(e => PublicKind(e) == InteractionKind.Message, () =>
        {
            RuleFor(e => e.Text).NotEmpty().WithMessage(FieldRules.Required).AtMost(text);
            RuleFor(e => e.InteractionId).Identifier();
            RuleFor(e => e.Direction).KnownOrAbsent();
            RuleFor(e => e.Team).OptionalIdentifier();
        });
        When(e => PublicKind(e) == InteractionKind.Survey, () => RuleFor(e => e.Survey).Present().SetValidator(new EventDetailValidators.Survey(text)!));
        When(e => PublicKind(e) == InteractionKind.Complaint, () => RuleFor(e => e.Complaint).Present().SetValidator(new EventDetailValidators.Complaint(organisation, text)!));
        When(e => PublicKind(e) == InteractionKind.SocialMention, () =>
        {
            RuleFor(e => e.Text).NotEmpty().WithMessage(FieldRules.Required).AtMost(text);
            RuleFor(e => e.Social).SetValidator(new EventDetailValidators.Social()!);
        });
        When(e => PublicKind(e) == InteractionKind.Delivery, () => RuleFor(e => e.Delivery).Present().SetValidator(new EventDetailValidators.Delivery()!));
        When(e => PublicKind(e) == InteractionKind.Payment, () => RuleFor(e => e.Payment).Present().SetValidator(new EventDetailValidators.Payment()!));
        When(e => PublicKind(e) == InteractionKind.Usage, () => RuleFor(e => e.Usage).Present().SetValidator(new EventDetailValidators.Usage()!));
        When(e => PublicKind(e) == InteractionKind.SystemChange, () => RuleFor(e => e.Change).Present().SetValidator(new EventDetailValidators.Change()!));
    }

    /// <summary>The event's kind when it is one a client may post; the details of any other are not checked.</summary>
    private static InteractionKind? PublicKind(EventRequest e) => e.Kind.Value is { } kind && !kind.IsInternal() ? kind : null;

    /// <summary>A detail that belongs to another kind is refused by name, not ignored.</summary>
    private static void RefuseOtherDetails(EventRequest r, ValidationContext<EventRequest> context)
    {
        var kind = r.Kind.Value!.Value;
        var allowed = kind switch
        {
            InteractionKind.Message => new[] { "text", "interactionId", "live", "direction", "team" },
            InteractionKind.SocialMention => ["text", "social"],
            InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved => ["ticket"],
            InteractionKind.SystemChange => ["change"],
            _ => [EnumNames<InteractionKind>.Name(kind)],
        };

        // A span on the stack: this runs for every event, and an array per event showed up in allocation profiles.
        ReadOnlySpan<bool> present = [r.Text is not null, r.InteractionId is not null, r.Live is not null, !r.Direction.IsAbsent, r.Team is not null, r.Ticket is not null,
            r.Survey is not null, r.Complaint is not null, r.Social is not null, r.Delivery is not null, r.Payment is not null, r.Usage is not null, r.Change is not null];
        for (var i = 0; i < Details.Length; i++)
        {
            if (present[i] && !allowed.Contains(Details[i]))
            {
                context.AddFailure(Details[i], $"is not allowed for kind {EnumNames<InteractionKind>.Name(kind)}");
            }
        }
    }
}
