namespace HealthGrid.Domain.Ingest;

/// <summary>
/// A validated interaction: the unit of the event log and of every grain's state change.
/// Exactly one detail object is set, the one that matches <see cref="Kind"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("HealthGrid.Interaction")]
public sealed record Interaction
{
    /// <summary>Client-chosen idempotency key.</summary>
    [Id(0)] public required string EventId { get; init; }

    /// <summary>The customer; absent only for organisation-wide system changes.</summary>
    [Id(1)] public string? CustomerId { get; init; }

    [Id(2)] public required DateTimeOffset OccurredAt { get; init; }

    [Id(3)] public required Channel Channel { get; init; }

    [Id(4)] public required InteractionKind Kind { get; init; }

    /// <summary>Server time of receipt; drives the ingest-to-applied latency metric.</summary>
    [Id(5)] public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The journey stage the event belongs to (given, or routed by kind/code).</summary>
    [Id(6)] public string? JourneyStage { get; init; }

    [Id(7)] public string? Product { get; init; }

    [Id(8)] public MessageDetails? Message { get; init; }

    [Id(9)] public TicketDetails? Ticket { get; init; }

    [Id(10)] public SurveyDetails? Survey { get; init; }

    [Id(11)] public ComplaintDetails? Complaint { get; init; }

    [Id(12)] public SocialDetails? Social { get; init; }

    [Id(13)] public DeliveryDetails? Delivery { get; init; }

    [Id(14)] public PaymentDetails? Payment { get; init; }

    [Id(15)] public UsageDetails? Usage { get; init; }

    [Id(16)] public SystemChangeDetails? Change { get; init; }

    [Id(17)] public CaseActionDetails? CaseAction { get; init; }

    [Id(18)] public AlertActionDetails? AlertAction { get; init; }

    [Id(19)] public SlaTimerDetails? Timer { get; init; }

    /// <summary>
    /// What the text analyzer read in the customer's text before redaction masked personal data in it;
    /// null when the text is stored as it was written (then analyzing the stored text gives the same).
    /// </summary>
    [Id(20)] public Customers.Text.TextSignal? Analysis { get; init; }

    /// <summary>The source it came in through (<c>api:{client}</c>, <c>zendesk:{id}</c>, <c>rabbitmq:{id}</c>); none for events HealthGrid writes itself.</summary>
    [Id(21)] public string? Source { get; init; }

    /// <summary>Written by HealthGrid itself, never accepted from clients.</summary>
    public bool IsInternal => Kind.IsInternal();
}
