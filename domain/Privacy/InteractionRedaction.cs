using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;

namespace HealthGrid.Domain.Privacy;

/// <summary>
/// Redaction at the door: masks personal data in an event's free text before it is journaled, after the
/// text analyzer has read the customer's words, whose reading the event keeps (<see cref="Interaction.Analysis"/>):
/// a score or a frustration alert never depends on whether the text was masked.
/// </summary>
public static class InteractionRedaction
{
    public static Interaction Redact(Interaction e, RedactionSettings settings)
    {
        if (!(settings.Emails || settings.PhoneNumbers || settings.PaymentCards) || FreeText(e) is not { } text)
        {
            return e;
        }

        var masked = PersonalDataMasker.Mask(text, settings);
        if (ReferenceEquals(masked, text))
        {
            return e;
        }

        var analysis = HealthModel.TextOf(e) is { } customerText ? TextAnalyzer.Analyze(customerText) : null;
        return WithFreeText(e, masked) with { Analysis = analysis };
    }

    /// <summary>The event's one free-text field, whoever wrote it (an agent's reply can quote a customer's number too).</summary>
    public static string? FreeText(Interaction e) =>
        e.Message?.Text ?? e.Ticket?.Text ?? e.Survey?.Verbatim ?? e.Complaint?.Text ?? e.Social?.Text;

    /// <summary>The event with its one free-text field (<see cref="FreeText"/>) replaced.</summary>
    public static Interaction WithFreeText(Interaction e, string text) => e switch
    {
        { Message: { } m } => e with { Message = m with { Text = text } },
        { Ticket: { } t } => e with { Ticket = t with { Text = text } },
        { Survey: { } s } => e with { Survey = s with { Verbatim = text } },
        { Complaint: { } c } => e with { Complaint = c with { Text = text } },
        { Social: { } s } => e with { Social = s with { Text = text } },
        _ => e,
    };
}
