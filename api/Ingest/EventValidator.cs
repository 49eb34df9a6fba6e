using System.Globalization;
using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Wire;
using HealthGrid.Hosting.Configuration;
using Microsoft.Extensions.Options;

namespace HealthGrid.Api.Ingest;

/// <summary>
/// Checks an <see cref="EventRequest"/> against the event contract and turns it into an
/// <see cref="Interaction"/>: every problem is reported against its field, nothing is half-accepted.
/// </summary>
public sealed class EventValidator(CurrentOrganisation organisation, IOptionsMonitor<IngestOptions> options, TimeProvider time)
{
    private static readonly string[] Details = ["text", "interactionId", "live", "direction", "team", "ticket", "survey", "complaint", "social", "delivery", "payment", "usage", "change"];

    /// <summary>The kinds clients may post: the internal ones are written by HealthGrid itself.</summary>
    private static readonly string PublicKinds = string.Join(", ", Enum.GetValues<InteractionKind>().Where(k => !k.IsInternal()).Select(EnumNames<InteractionKind>.Name).Order(StringComparer.Ordinal));

    public Interaction? Validate(EventRequest r, FieldErrors errors)
    {
        var limits = options.CurrentValue;
        var now = time.GetUtcNow();
        Identifiers.Check(errors, "eventId", r.EventId);
        var kind = Kind(errors, r.Kind);
        var channel = EnumFields.Parse<Channel>(errors, "channel", r.Channel);
        var occurredAt = OccurredAt(errors, r.OccurredAt, now, limits);
        if (kind == InteractionKind.SystemChange)
        {
            if (r.CustomerId is not null)
            {
                errors.Add("customerId", "must be omitted: system changes are organisation-wide");
            }
        }
        else
        {
            Identifiers.Check(errors, "customerId", r.CustomerId);
        }

        errors.MaxLength("product", r.Product, 128);
        if (r.JourneyStage is not null && !organisation.Index.IsStage(r.JourneyStage))
        {
            errors.Add("journeyStage", $"'{r.JourneyStage}' is not a configured journey stage");
        }

        if (kind is not { } k)
        {
            return null;
        }

        RefuseOtherDetails(errors, r, k);
        var isTicket = k is InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved;
        var ticket = isTicket ? Ticket(errors, r.Ticket, k, limits) : null;
        var message = k == InteractionKind.Message ? Message(errors, r, limits) : null;
        var survey = k == InteractionKind.Survey ? Survey(errors, r.Survey, limits) : null;
        var complaint = k == InteractionKind.Complaint ? Complaint(errors, r.Complaint, limits) : null;
        var social = k == InteractionKind.SocialMention ? Social(errors, r, limits) : null;
        var delivery = k == InteractionKind.Delivery ? Delivery(errors, r.Delivery) : null;
        var payment = k == InteractionKind.Payment ? Payment(errors, r.Payment) : null;
        var usage = k == InteractionKind.Usage ? Usage(errors, r.Usage) : null;
        var change = k == InteractionKind.SystemChange ? Change(errors, r.Change, r.EventId) : null;
        if (!errors.IsEmpty)
        {
            return null;
        }

        // Built once, with everything: this runs for every event ingested.
        return new Interaction
        {
            EventId = r.EventId ?? "",
            CustomerId = r.CustomerId,
            OccurredAt = occurredAt ?? now,
            Channel = channel ?? Channel.Web,
            Kind = k,
            ReceivedAt = now,
            Product = r.Product,
            JourneyStage = k == InteractionKind.SystemChange ? null : r.JourneyStage ?? organisation.Index.DefaultStage(k, complaint?.Code),
            Ticket = ticket,
            Message = message,
            Survey = survey,
            Complaint = complaint,
            Social = social,
            Delivery = delivery,
            Payment = payment,
            Usage = usage,
            Change = change,
        };
    }

    private static InteractionKind? Kind(FieldErrors errors, string? text)
    {
        if (text is null)
        {
            errors.Add("kind", $"is required; one of: {PublicKinds}");
            return null;
        }

        if (EnumNames<InteractionKind>.TryParse(text, out var kind) && !kind.IsInternal())
        {
            return kind;
        }

        errors.Add("kind", $"'{text}' is not one of: {PublicKinds}");
        return null;
    }

    private static DateTimeOffset? OccurredAt(FieldErrors errors, string? text, DateTimeOffset now, IngestOptions limits)
    {
        if (!errors.Required("occurredAt", text))
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            errors.Add("occurredAt", "must be an ISO 8601 date and time, e.g. 2026-11-24T10:15:00Z");
            return null;
        }

        if (at > now + limits.MaxClockSkew)
        {
            errors.Add("occurredAt", "is in the future");
        }
        else if (at < now - limits.MaxEventAge)
        {
            errors.Add("occurredAt", $"is older than {limits.MaxEventAge.TotalDays:0} days");
        }

        return at.ToUniversalTime();
    }

    private static void RefuseOtherDetails(FieldErrors errors, EventRequest r, InteractionKind kind)
    {
        var allowed = kind switch
        {
            InteractionKind.Message => new[] { "text", "interactionId", "live", "direction", "team" },
            InteractionKind.SocialMention => ["text", "social"],
            InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved => ["ticket"],
            InteractionKind.SystemChange => ["change"],
            _ => [EnumNames<InteractionKind>.Name(kind)],
        };
        // A span on the stack: this runs for every event, and a params array per event showed up in allocation profiles.
        ReadOnlySpan<bool> present = [r.Text is not null, r.InteractionId is not null, r.Live is not null, r.Direction is not null, r.Team is not null, r.Ticket is not null,
            r.Survey is not null, r.Complaint is not null, r.Social is not null, r.Delivery is not null, r.Payment is not null, r.Usage is not null, r.Change is not null];
        for (var i = 0; i < Details.Length; i++)
        {
            if (present[i] && !allowed.Contains(Details[i]))
            {
                errors.Add(Details[i], $"is not allowed for kind {EnumNames<InteractionKind>.Name(kind)}");
            }
        }
    }

    private static string? Text(FieldErrors errors, string field, string? text, IngestOptions limits, bool required)
    {
        if (required && !errors.Required(field, text))
        {
            return null;
        }

        errors.MaxLength(field, text, limits.MaxTextLength);
        return text;
    }

    private static TicketDetails? Ticket(FieldErrors errors, TicketRequest? t, InteractionKind kind, IngestOptions limits)
    {
        if (!errors.Present("ticket", t))
        {
            return null;
        }

        Identifiers.Check(errors, "ticket.ticketId", t.TicketId);
        var severity = EnumFields.Parse<Severity>(errors, "ticket.severity", t.Severity, required: kind == InteractionKind.TicketOpened);
        errors.MaxLength("ticket.category", t.Category, 128);
        var text = Text(errors, "ticket.text", t.Text, limits, required: false);
        var status = EnumFields.Parse<CaseStatus>(errors, "ticket.status", t.Status, required: false);
        if (kind == InteractionKind.TicketResolved && status is not (null or CaseStatus.Resolved or CaseStatus.Closed))
        {
            errors.Add("ticket.status", "must be resolved or closed (or absent) for ticket_resolved");
        }

        var author = EnumFields.Parse<MessageDirection>(errors, "ticket.author", t.Author, required: false) ?? MessageDirection.Agent;
        OptionalId(errors, "ticket.assignee", t.Assignee);
        OptionalId(errors, "ticket.team", t.Team);
        return new TicketDetails(t.TicketId ?? "", severity, t.Category, text, t.SlaBreached ?? false, status, t.Assignee, t.Team, author);
    }

    /// <summary>Teams and assignees become alert audiences (SignalR groups), so they follow the id rule.</summary>
    private static void OptionalId(FieldErrors errors, string field, string? id)
    {
        if (id is not null)
        {
            Identifiers.Check(errors, field, id);
        }
    }

    private static MessageDetails? Message(FieldErrors errors, EventRequest r, IngestOptions limits)
    {
        var text = Text(errors, "text", r.Text, limits, required: true);
        Identifiers.Check(errors, "interactionId", r.InteractionId);
        var direction = EnumFields.Parse<MessageDirection>(errors, "direction", r.Direction, required: false) ?? MessageDirection.Customer;
        OptionalId(errors, "team", r.Team);
        return new MessageDetails(r.InteractionId ?? "", text ?? "", r.Live ?? false, direction, r.Team);
    }

    private static SurveyDetails? Survey(FieldErrors errors, SurveyRequest? s, IngestOptions limits)
    {
        if (!errors.Present("survey", s))
        {
            return null;
        }

        var type = EnumFields.Parse<SurveyType>(errors, "survey.type", s.Type);
        if (errors.Required("survey.score", s.Score) && type is { } t)
        {
            var (min, max) = t switch { SurveyType.Nps => (0, 10), SurveyType.Csat => (1, 5), _ => (1, 7) };
            errors.Range("survey.score", s.Score, min, max);
        }

        var verbatim = Text(errors, "survey.verbatim", s.Verbatim, limits, required: false);
        return new SurveyDetails(type ?? SurveyType.Csat, s.Score ?? 0, verbatim);
    }

    private ComplaintDetails? Complaint(FieldErrors errors, ComplaintRequest? c, IngestOptions limits)
    {
        if (!errors.Present("complaint", c))
        {
            return null;
        }

        if (errors.Required("complaint.code", c.Code) && !organisation.Index.IsCode(c.Code!))
        {
            errors.Add("complaint.code", $"'{c.Code}' is not a configured categorization code");
        }

        var severity = EnumFields.Parse<Severity>(errors, "complaint.severity", c.Severity);
        var text = Text(errors, "complaint.text", c.Text, limits, required: false);
        OptionalId(errors, "complaint.caseId", c.CaseId);
        OptionalId(errors, "complaint.assignee", c.Assignee);
        OptionalId(errors, "complaint.team", c.Team);
        return new ComplaintDetails(c.Code ?? "", severity ?? Severity.Medium, text, c.CaseId, c.Assignee, c.Team);
    }

    private static SocialDetails? Social(FieldErrors errors, EventRequest r, IngestOptions limits)
    {
        var text = Text(errors, "text", r.Text, limits, required: true);
        errors.MaxLength("social.platform", r.Social?.Platform, 64);
        return new SocialDetails(text ?? "", r.Social?.Platform);
    }

    private static DeliveryDetails? Delivery(FieldErrors errors, DeliveryRequest? d)
    {
        if (!errors.Present("delivery", d))
        {
            return null;
        }

        if (d.OnTime is not { } onTime)
        {
            errors.Add("delivery.onTime", "is required");
            return null;
        }

        if (!onTime)
        {
            errors.Required("delivery.delayHours", d.DelayHours);
            errors.Range("delivery.delayHours", d.DelayHours, 0, 24 * 365);
        }
        else if (d.DelayHours is > 0)
        {
            errors.Add("delivery.delayHours", "must be absent or 0 when the delivery was on time");
        }

        return new DeliveryDetails(onTime, d.DelayHours ?? 0);
    }

    private static PaymentDetails? Payment(FieldErrors errors, PaymentRequest? p)
    {
        if (!errors.Present("payment", p))
        {
            return null;
        }

        errors.Required("payment.daysLate", p.DaysLate);
        errors.Range("payment.daysLate", p.DaysLate, 0, 3650);
        return new PaymentDetails(p.DaysLate ?? 0);
    }

    private static UsageDetails? Usage(FieldErrors errors, UsageRequest? u)
    {
        if (!errors.Present("usage", u))
        {
            return null;
        }

        errors.Required("usage.activeUsers", u.ActiveUsers);
        errors.Range("usage.activeUsers", u.ActiveUsers, 0, 100_000_000);
        errors.Required("usage.licensedUsers", u.LicensedUsers);
        errors.Range("usage.licensedUsers", u.LicensedUsers, 1, 100_000_000);
        return new UsageDetails(u.ActiveUsers ?? 0, u.LicensedUsers ?? 1);
    }

    private static SystemChangeDetails? Change(FieldErrors errors, ChangeRequest? c, string? eventId)
    {
        if (!errors.Present("change", c))
        {
            return null;
        }

        if (c.ChangeId is not null)
        {
            Identifiers.Check(errors, "change.changeId", c.ChangeId);
        }

        errors.Required("change.description", c.Description);
        errors.MaxLength("change.description", c.Description, 2_000);
        errors.MaxLength("change.product", c.Product, 128);
        errors.MaxLength("change.region", c.Region, 64);
        return new SystemChangeDetails(c.ChangeId ?? eventId ?? "", c.Description ?? "", c.Product, c.Region);
    }
}
