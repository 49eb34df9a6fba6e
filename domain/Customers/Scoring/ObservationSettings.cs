using System.ComponentModel.DataAnnotations;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>How individual events become component observations.</summary>
public sealed class ObservationSettings
{
    /// <summary>Delivery value of a late delivery before the per-hour penalty.</summary>
    [Range(0, 100)]
    public double LateDeliveryBase { get; set; } = 70;

    [Range(0, 100)]
    public double LateDeliveryPenaltyPerHour { get; set; } = 1.5;

    [Range(0, 100)]
    public double PaymentPenaltyPerDayLate { get; set; } = 3;

    /// <summary>Support-load count added by an opened ticket, by severity.</summary>
    public Dictionary<Severity, double> TicketLoad { get; set; } = new()
    {
        [Severity.Low] = 0.5, [Severity.Medium] = 1, [Severity.High] = 1.5, [Severity.Critical] = 2.5,
    };

    /// <summary>Support-load count added by a complaint, by severity.</summary>
    public Dictionary<Severity, double> ComplaintLoad { get; set; } = new()
    {
        [Severity.Low] = 1, [Severity.Medium] = 1.5, [Severity.High] = 2.5, [Severity.Critical] = 4,
    };

    /// <summary>Extra support load when a contact repeats one within the window.</summary>
    [Range(0, 100)]
    public double RepeatContactLoad { get; set; } = 0.75;

    [Range(1, 24 * 90)]
    public double RepeatContactWindowHours { get; set; } = 72;

    /// <summary>Weight of a public social mention relative to a private message in the sentiment component.</summary>
    [Range(0, 100)]
    public double SocialMentionWeight { get; set; } = 1.5;

    /// <summary>Weight of a survey verbatim in the sentiment component.</summary>
    [Range(0, 100)]
    public double VerbatimWeight { get; set; } = 1;
}
