using HealthGrid.Api.Infrastructure;
using HealthGrid.Domain.Ingest;
using HealthGrid.Hosting.Configuration;

namespace HealthGrid.Api.Ingest;

/// <summary>
/// Checks an <see cref="EventRequest"/> against the event contract (<see cref="EventRequestValidator"/>)
/// and turns it into an <see cref="Interaction"/>: every problem is reported against its field,
/// nothing is half-accepted.
/// </summary>
public sealed class EventValidator(EventRequestValidator validator, CurrentOrganisation organisation, TimeProvider time)
{
    public Interaction? Validate(EventRequest r, FieldErrors errors)
    {
        var result = validator.Validate(r);
        if (!result.IsValid)
        {
            errors.Add(result);
            return null;
        }

        var now = time.GetUtcNow();
        var kind = r.Kind.Value!.Value;

        // Built once, with everything: this runs for every event ingested.
        return new Interaction
        {
            EventId = r.EventId!,
            CustomerId = r.CustomerId,
            OccurredAt = r.OccurredAt!.Value,
            Channel = r.Channel.Value!.Value,
            Kind = kind,
            ReceivedAt = now,
            Product = r.Product,
            JourneyStage = kind == InteractionKind.SystemChange ? null : r.JourneyStage ?? organisation.Index.DefaultStage(kind, r.Complaint?.Code),
            Ticket = r.Ticket is { } t && kind is InteractionKind.TicketOpened or InteractionKind.TicketUpdated or InteractionKind.TicketResolved
                ? new TicketDetails(t.TicketId!, t.Severity.Value, t.Category, t.Text, t.SlaBreached ?? false, t.Status.Value, t.Assignee, t.Team, t.Author.Value ?? MessageDirection.Agent)
                : null,
            Message = kind == InteractionKind.Message ? new MessageDetails(r.InteractionId!, r.Text!, r.Live ?? false, r.Direction.Value ?? MessageDirection.Customer, r.Team) : null,
            Survey = kind == InteractionKind.Survey ? new SurveyDetails(r.Survey!.Type.Value!.Value, r.Survey.Score!.Value, r.Survey.Verbatim) : null,
            Complaint = kind == InteractionKind.Complaint && r.Complaint is { } c
                ? new ComplaintDetails(c.Code!, c.Severity.Value!.Value, c.Text, c.CaseId, c.Assignee, c.Team)
                : null,
            Social = kind == InteractionKind.SocialMention ? new SocialDetails(r.Text!, r.Social?.Platform) : null,
            Delivery = kind == InteractionKind.Delivery ? new DeliveryDetails(r.Delivery!.OnTime!.Value, r.Delivery.DelayHours ?? 0) : null,
            Payment = kind == InteractionKind.Payment ? new PaymentDetails(r.Payment!.DaysLate!.Value) : null,
            Usage = kind == InteractionKind.Usage ? new UsageDetails(r.Usage!.ActiveUsers!.Value, r.Usage.LicensedUsers!.Value) : null,
            Change = kind == InteractionKind.SystemChange ? new SystemChangeDetails(r.Change!.ChangeId ?? r.EventId!, r.Change.Description!, r.Change.Product, r.Change.Region) : null,
        };
    }
}
