using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Tests.Domain;

/// <summary>Options and events for domain tests, with explicit timestamps.</summary>
internal static class Model
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The shipped defaults (the same numbers as silo/healthgrid.json).</summary>
    public static HealthModelOptions Options()
    {
        var options = new HealthModelOptions
        {
            Components = new()
            {
                [HealthComponent.Satisfaction] = new() { Weight = 0.25, HalfLifeDays = 60, Prior = 70 },
                [HealthComponent.Sentiment] = new() { Weight = 0.15, HalfLifeDays = 14, Prior = 60 },
                [HealthComponent.SupportLoad] = new() { Weight = 0.15, HalfLifeDays = 21, Scale = 2.5 },
                [HealthComponent.Delivery] = new() { Weight = 0.10, HalfLifeDays = 30, Prior = 90 },
                [HealthComponent.Payment] = new() { Weight = 0.15, HalfLifeDays = 60, Prior = 95 },
                [HealthComponent.Adoption] = new() { Weight = 0.10, HalfLifeDays = 30, Prior = 65 },
                [HealthComponent.SlaBreaches] = new() { Weight = 0.10, HalfLifeDays = 30, Scale = 2 },
            },
        };
        return options;
    }

    public static Interaction Event(InteractionKind kind, DateTimeOffset at, string? id = null) => new()
    {
        EventId = id ?? Guid.NewGuid().ToString("N"),
        CustomerId = "c-1",
        OccurredAt = at,
        ReceivedAt = at,
        Channel = Channel.Web,
        Kind = kind,
    };

    public static Interaction Survey(SurveyType type, int score, DateTimeOffset at, string? verbatim = null) =>
        Event(InteractionKind.Survey, at) with { Channel = Channel.Survey, Survey = new SurveyDetails(type, score, verbatim) };

    public static Interaction Message(string text, DateTimeOffset at, string interaction = "conv-1", MessageDirection direction = MessageDirection.Customer) =>
        Event(InteractionKind.Message, at) with { Channel = Channel.Chat, Message = new MessageDetails(interaction, text, true, direction, "team-emea") };

    public static Interaction Complaint(DateTimeOffset at, Severity severity = Severity.High) =>
        Event(InteractionKind.Complaint, at) with { Complaint = new ComplaintDetails("BILL-DUP", severity, null) };

    public static Interaction Ticket(InteractionKind kind, string id, DateTimeOffset at, bool slaBreached = false) =>
        Event(kind, at) with { Ticket = new TicketDetails(id, Severity.Medium, null, null, slaBreached) };

    public static Interaction Delivery(bool onTime, double delayHours, DateTimeOffset at) =>
        Event(InteractionKind.Delivery, at) with { Delivery = new DeliveryDetails(onTime, delayHours) };

    public static Interaction Payment(int daysLate, DateTimeOffset at) =>
        Event(InteractionKind.Payment, at) with { Payment = new PaymentDetails(daysLate) };

    public static Interaction Usage(int active, int licensed, DateTimeOffset at) =>
        Event(InteractionKind.Usage, at) with { Usage = new UsageDetails(active, licensed) };
}
