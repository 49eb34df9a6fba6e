using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Organisation;
using HealthGrid.Domain.Wire;
using static HealthGrid.Api.Ingest.EventValidator.Checks;

namespace HealthGrid.Api.Ingest;

/// <summary>The detail object of each kind (and, for messages and social mentions, the event's text): checked and built.</summary>
internal static class EventDetails
{
    private const string Required = "is required";
    private static readonly string[] Fields = ["text", "interactionId", "live", "direction", "team", "ticket", "survey", "complaint", "social", "delivery", "payment", "usage", "change"];

    /// <summary>The details of one event; only the one of its kind is set.</summary>
    public readonly record struct Built(
        TicketDetails? Ticket = null, MessageDetails? Message = null, SurveyDetails? Survey = null, ComplaintDetails? Complaint = null, SocialDetails? Social = null,
        DeliveryDetails? Delivery = null, PaymentDetails? Payment = null, UsageDetails? Usage = null, SystemChangeDetails? Change = null);

    /// <summary>A detail that belongs to another kind is refused by name, not ignored.</summary>
    public static void RefuseOthers(FieldErrors errors, EventRequest r, InteractionKind kind)
    {
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
        for (var i = 0; i < Fields.Length; i++)
        {
            if (present[i] && !allowed.Contains(Fields[i]))
            {
                errors.Add(Fields[i], $"is not allowed for kind {EnumNames<InteractionKind>.Name(kind)}");
            }
        }
    }

    public static Built Check(FieldErrors errors, EventRequest r, InteractionKind kind, int maxText, OrganisationIndex organisation) => kind switch
    {
        InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved => new(Ticket: Ticket(errors, r.Ticket, kind, maxText)),
        InteractionKind.Message => new(Message: Message(errors, r, maxText)),
        InteractionKind.Survey => new(Survey: Survey(errors, r.Survey, maxText)),
        InteractionKind.Complaint => new(Complaint: Complaint(errors, r.Complaint, maxText, organisation)),
        InteractionKind.SocialMention => new(Social: Social(errors, r, maxText)),
        InteractionKind.Delivery => new(Delivery: Delivery(errors, r.Delivery)),
        InteractionKind.Payment => new(Payment: Payment(errors, r.Payment)),
        InteractionKind.Usage => new(Usage: Usage(errors, r.Usage)),
        InteractionKind.SystemChange => new(Change: Change(errors, r.Change, r.EventId)),
        _ => default,
    };

    private static bool Present(FieldErrors errors, string field, object? detail)
    {
        if (detail is null)
        {
            errors.Add(field, Required);
            return false;
        }

        return true;
    }

    private static string? Text(FieldErrors errors, string field, string? text, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, Required);
            return null;
        }

        MaxLength(errors, field, text, max);
        return text;
    }

    private static void Between(FieldErrors errors, string field, double? value, double min, double max, bool required)
    {
        if (value is not { } v)
        {
            if (required)
            {
                errors.Add(field, Required);
            }

            return;
        }

        if (double.IsNaN(v) || v < min || v > max)
        {
            errors.Add(field, $"must be between {min} and {max}");
        }
    }

    private static TicketDetails? Ticket(FieldErrors errors, TicketRequest? t, InteractionKind kind, int maxText)
    {
        if (!Present(errors, "ticket", t))
        {
            return null;
        }

        Unknown(errors, "ticket.", t!);
        RequiredId(errors, "ticket.ticketId", t!.TicketId);
        var severity = Known(errors, "ticket.severity", t.Severity, required: kind == InteractionKind.TicketOpened);
        MaxLength(errors, "ticket.category", t.Category, 128);
        var text = Text(errors, "ticket.text", t.Text, maxText, required: false);
        var status = Known(errors, "ticket.status", t.Status, required: false);
        if (kind == InteractionKind.TicketResolved && status is not (null or CaseStatus.Resolved or CaseStatus.Closed))
        {
            errors.Add("ticket.status", "must be resolved or closed (or absent) for ticket_resolved");
        }

        var author = Known(errors, "ticket.author", t.Author, required: false) ?? MessageDirection.Agent;
        OptionalId(errors, "ticket.assignee", t.Assignee);
        OptionalId(errors, "ticket.team", t.Team);
        return new TicketDetails(t.TicketId ?? "", severity, t.Category, text, t.SlaBreached ?? false, status, t.Assignee, t.Team, author);
    }

    private static MessageDetails Message(FieldErrors errors, EventRequest r, int maxText)
    {
        var text = Text(errors, "text", r.Text, maxText, required: true);
        RequiredId(errors, "interactionId", r.InteractionId);
        var direction = Known(errors, "direction", r.Direction, required: false) ?? MessageDirection.Customer;
        OptionalId(errors, "team", r.Team);
        return new MessageDetails(r.InteractionId ?? "", text ?? "", r.Live ?? false, direction, r.Team);
    }

    private static SurveyDetails? Survey(FieldErrors errors, SurveyRequest? s, int maxText)
    {
        if (!Present(errors, "survey", s))
        {
            return null;
        }

        Unknown(errors, "survey.", s!);
        var type = Known(errors, "survey.type", s!.Type, required: true);
        if (s.Score is null)
        {
            errors.Add("survey.score", Required);
        }
        else if (type is { } t)
        {
            // The scale depends on the survey's type: NPS 0-10, CSAT 1-5, CES 1-7.
            var (min, max) = t switch { SurveyType.Nps => (0, 10), SurveyType.Csat => (1, 5), _ => (1, 7) };
            Between(errors, "survey.score", s.Score, min, max, required: true);
        }

        var verbatim = Text(errors, "survey.verbatim", s.Verbatim, maxText, required: false);
        return new SurveyDetails(type ?? SurveyType.Csat, s.Score ?? 0, verbatim);
    }

    private static ComplaintDetails? Complaint(FieldErrors errors, ComplaintRequest? c, int maxText, OrganisationIndex organisation)
    {
        if (!Present(errors, "complaint", c))
        {
            return null;
        }

        Unknown(errors, "complaint.", c!);
        if (string.IsNullOrWhiteSpace(c!.Code))
        {
            errors.Add("complaint.code", Required);
        }
        else if (!organisation.IsCode(c.Code))
        {
            errors.Add("complaint.code", $"'{c.Code}' is not a configured categorization code");
        }

        var severity = Known(errors, "complaint.severity", c.Severity, required: true);
        var text = Text(errors, "complaint.text", c.Text, maxText, required: false);
        OptionalId(errors, "complaint.caseId", c.CaseId);
        OptionalId(errors, "complaint.assignee", c.Assignee);
        OptionalId(errors, "complaint.team", c.Team);
        return new ComplaintDetails(c.Code ?? "", severity ?? Severity.Medium, text, c.CaseId, c.Assignee, c.Team);
    }

    private static SocialDetails Social(FieldErrors errors, EventRequest r, int maxText)
    {
        var text = Text(errors, "text", r.Text, maxText, required: true);
        if (r.Social is { } social)
        {
            Unknown(errors, "social.", social);
            MaxLength(errors, "social.platform", social.Platform, 64);
        }

        return new SocialDetails(text ?? "", r.Social?.Platform);
    }

    private static DeliveryDetails? Delivery(FieldErrors errors, DeliveryRequest? d)
    {
        if (!Present(errors, "delivery", d))
        {
            return null;
        }

        Unknown(errors, "delivery.", d!);
        if (d!.OnTime is not { } onTime)
        {
            errors.Add("delivery.onTime", Required);
            return null;
        }

        if (!onTime)
        {
            Between(errors, "delivery.delayHours", d.DelayHours, 0, 24 * 365, required: true);
        }
        else if (d.DelayHours is > 0)
        {
            errors.Add("delivery.delayHours", "must be absent or 0 when the delivery was on time");
        }

        return new DeliveryDetails(onTime, d.DelayHours ?? 0);
    }

    private static PaymentDetails? Payment(FieldErrors errors, PaymentRequest? p)
    {
        if (!Present(errors, "payment", p))
        {
            return null;
        }

        Unknown(errors, "payment.", p!);
        Between(errors, "payment.daysLate", p!.DaysLate, 0, 3650, required: true);
        return new PaymentDetails(p.DaysLate ?? 0);
    }

    private static UsageDetails? Usage(FieldErrors errors, UsageRequest? u)
    {
        if (!Present(errors, "usage", u))
        {
            return null;
        }

        Unknown(errors, "usage.", u!);
        Between(errors, "usage.activeUsers", u!.ActiveUsers, 0, 100_000_000, required: true);
        Between(errors, "usage.licensedUsers", u.LicensedUsers, 1, 100_000_000, required: true);
        return new UsageDetails(u.ActiveUsers ?? 0, u.LicensedUsers ?? 1);
    }

    private static SystemChangeDetails? Change(FieldErrors errors, ChangeRequest? c, string? eventId)
    {
        if (!Present(errors, "change", c))
        {
            return null;
        }

        Unknown(errors, "change.", c!);
        OptionalId(errors, "change.changeId", c!.ChangeId);
        if (string.IsNullOrWhiteSpace(c.Description))
        {
            errors.Add("change.description", Required);
        }

        MaxLength(errors, "change.description", c.Description, 2_000);
        MaxLength(errors, "change.product", c.Product, 128);
        MaxLength(errors, "change.region", c.Region, 64);
        return new SystemChangeDetails(c.ChangeId ?? eventId ?? "", c.Description ?? "", c.Product, c.Region);
    }
}
