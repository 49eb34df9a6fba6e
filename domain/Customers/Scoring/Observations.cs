using System.Globalization;
using HealthGrid.Domain.Cases;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Customers.Scoring;

/// <summary>Turns an event into component observations, each labelled in words for the score's drivers.</summary>
public static class Observations
{
    public static List<Observation> From(Interaction e, TextSignal text, ObservationSettings settings)
    {
        var found = new List<Observation>(2);
        var day = e.OccurredAt.UtcDateTime.ToString("MM-dd", CultureInfo.InvariantCulture);
        switch (e.Kind)
        {
            case InteractionKind.TicketOpened when e.Ticket is { Severity: { } severity } ticket:
                found.Add(Load(HealthComponent.SupportLoad, settings.TicketLoad.GetValueOrDefault(severity, 1),
                    $"ticket {ticket.TicketId} opened ({Lower(severity)})"));
                AddSlaBreach(found, ticket);
                AddText(found, text, 1, "ticket text");
                break;
            case InteractionKind.TicketUpdated or InteractionKind.TicketResolved when e.Ticket is { } ticket:
                AddSlaBreach(found, ticket);
                AddText(found, text, 1, "ticket text");
                break;
            case InteractionKind.Message when e.Message is { Direction: MessageDirection.Customer } message:
                AddText(found, text, 1, message.Live ? $"live {Lower(e.Channel)} message" : $"{Lower(e.Channel)} message");
                break;
            case InteractionKind.Survey when e.Survey is { } survey:
                found.Add(Average(HealthComponent.Satisfaction, SatisfactionValue(survey), 1,
                    $"{SurveyName(survey.Type)} {survey.Score}/{MaxScore(survey.Type)} on {day}"));
                AddText(found, text, settings.VerbatimWeight, "survey verbatim");
                break;
            case InteractionKind.Complaint when e.Complaint is { } complaint:
                found.Add(Load(HealthComponent.SupportLoad, settings.ComplaintLoad.GetValueOrDefault(complaint.Severity, 1.5),
                    $"complaint {complaint.Code} ({Lower(complaint.Severity)}) on {day}"));
                AddText(found, text, 1, "complaint text");
                break;
            case InteractionKind.SocialMention when e.Social is { } social:
                AddText(found, text, settings.SocialMentionWeight, social.Platform is { } platform ? $"{platform} mention" : "social mention");
                break;
            case InteractionKind.Delivery when e.Delivery is { } delivery:
                found.Add(delivery.OnTime
                    ? Average(HealthComponent.Delivery, 100, 1, $"on-time delivery on {day}")
                    : Average(HealthComponent.Delivery,
                        Math.Max(0, settings.LateDeliveryBase - (settings.LateDeliveryPenaltyPerHour * delivery.DelayHours)), 1,
                        $"delivery {delivery.DelayHours.ToString("0.#", CultureInfo.InvariantCulture)} h late on {day}"));
                break;
            case InteractionKind.Payment when e.Payment is { } payment:
                found.Add(Average(HealthComponent.Payment, Math.Max(0, 100 - (settings.PaymentPenaltyPerDayLate * payment.DaysLate)), 1,
                    payment.DaysLate == 0 ? $"payment on time on {day}" : $"payment {payment.DaysLate} days late on {day}"));
                break;
            case InteractionKind.Usage when e.Usage is { } usage:
                found.Add(Average(HealthComponent.Adoption, AdoptionValue(usage), 1,
                    $"usage {usage.ActiveUsers}/{usage.LicensedUsers} active on {day}"));
                break;
            case InteractionKind.SlaTimer when e.Timer is { Kind: SlaTimerKind.Breach } timer:
                found.Add(Load(HealthComponent.SlaBreaches, 1, $"case {timer.CaseId} breached its {CaseAlerts.Name(timer.Metric).ToLowerInvariant()} target"));
                break;
        }

        return found;
    }

    /// <summary>Adoption 0-100: active users as a share of licensed users, capped at full use.</summary>
    public static double AdoptionValue(UsageDetails usage) =>
        usage.LicensedUsers <= 0 ? 0 : Math.Min(1, (double)usage.ActiveUsers / usage.LicensedUsers) * 100;

    /// <summary>Sentiment component value of a text: neutral text is 50, frustration pulls it down further.</summary>
    public static double SentimentValue(TextSignal text) =>
        Math.Clamp(50 + (50 * text.Sentiment) - (25 * text.Frustration), 0, 100);

    private static double SatisfactionValue(SurveyDetails survey) => survey.Type switch
    {
        SurveyType.Nps => survey.Score * 10.0,
        SurveyType.Csat => (survey.Score - 1) * 25.0,
        _ => (survey.Score - 1) * 100.0 / 6,
    };

    private static int MaxScore(SurveyType type) => type switch
    {
        SurveyType.Nps => 10,
        SurveyType.Csat => 5,
        _ => 7,
    };

    private static string SurveyName(SurveyType type) => type.ToString().ToUpperInvariant();

    private static void AddSlaBreach(List<Observation> found, TicketDetails ticket)
    {
        if (ticket.SlaBreached)
        {
            found.Add(Load(HealthComponent.SlaBreaches, 1, $"ticket {ticket.TicketId} breached its SLA"));
        }
    }

    private static void AddText(List<Observation> found, TextSignal text, double weight, string what)
    {
        if (ReferenceEquals(text, TextSignal.Empty) || weight <= 0)
        {
            return;
        }

        var label = text.Cues.Count > 0
            ? $"{what}: {Lower(text.Label)} ({string.Join(", ", text.Cues)})"
            : $"{what}: {Lower(text.Label)}";
        found.Add(Average(HealthComponent.Sentiment, SentimentValue(text), weight, label));
    }

    private static Observation Average(HealthComponent component, double value, double weight, string label) =>
        new(component, value, weight, label);

    private static Observation Load(HealthComponent component, double amount, string label) =>
        new(component, amount, 1, label);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
