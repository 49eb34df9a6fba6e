using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static HealthGrid.Tests.Domain.Privacy.TextEvents;

namespace HealthGrid.Tests.Domain.Privacy;

/// <summary>Which fields are masked, and that the analyzer's reading of the original travels with the event.</summary>
public sealed class InteractionRedactionTests
{
    private const string Upset = "I want to cancel my contract, this is the third time! Reach me at jane@example.com";
    private static readonly RedactionSettings All = new();

    [Fact]
    public void A_customer_message_keeps_the_reading_of_its_original_words()
    {
        var redacted = InteractionRedaction.Redact(Event(message: new MessageDetails("chat-1", Upset, true, MessageDirection.Customer, "team-emea")), All);

        Assert.Equal("I want to cancel my contract, this is the third time! Reach me at [email]", redacted.Message!.Text);
        Assert.Equal(TextAnalyzer.Analyze(Upset).Frustration, redacted.Analysis!.Frustration);
        Assert.Equal(TextAnalyzer.Analyze(Upset).Cues, redacted.Analysis.Cues);
    }

    [Fact]
    public void An_agents_reply_is_masked_and_has_no_reading_to_keep()
    {
        var redacted = InteractionRedaction.Redact(Event(message: new MessageDetails("chat-1", "I'll call you on +44 20 7946 0958", true, MessageDirection.Agent, "team-emea")), All);
        Assert.Equal("I'll call you on [phone]", redacted.Message!.Text);
        Assert.Null(redacted.Analysis);
    }

    [Fact]
    public void Every_free_text_field_is_masked()
    {
        Assert.Equal("[card]", InteractionRedaction.Redact(Event(ticket: new TicketDetails("T-1", Severity.High, null, "4111 1111 1111 1111")), All).Ticket!.Text);
        Assert.Equal("[email]", InteractionRedaction.Redact(Event(survey: new SurveyDetails(SurveyType.Nps, 3, "a@b.io")), All).Survey!.Verbatim);
        Assert.Equal("[phone]", InteractionRedaction.Redact(Event(complaint: new ComplaintDetails("BILL-DUP", Severity.High, "555-123-4567")), All).Complaint!.Text);
        Assert.Equal("[email]", InteractionRedaction.Redact(Event(social: new SocialDetails("a@b.io", "x")), All).Social!.Text);
    }

    [Fact]
    public void An_event_with_nothing_to_mask_is_the_same_instance()
    {
        var clean = Event(message: new MessageDetails("chat-1", "Order ORD-2026-000123 is late", true, MessageDirection.Customer, null));
        Assert.Same(clean, InteractionRedaction.Redact(clean, All));
        var off = Event(message: new MessageDetails("chat-1", Upset, true, MessageDirection.Customer, null));
        Assert.Same(off, InteractionRedaction.Redact(off, new() { Emails = false, PhoneNumbers = false, PaymentCards = false }));
    }

    [Fact]
    public void The_kept_reading_crosses_a_grain_call()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var redacted = InteractionRedaction.Redact(Event(message: new MessageDetails("chat-1", Upset, true, MessageDirection.Customer, null)), All);

        var copy = serializer.Deserialize<Interaction>(serializer.SerializeToArray(redacted));

        Assert.NotNull(copy);
        Assert.Equal(redacted.Message, copy.Message);
        Assert.Equal((redacted.Analysis!.Sentiment, redacted.Analysis.Frustration, redacted.Analysis.Label), (copy.Analysis!.Sentiment, copy.Analysis.Frustration, copy.Analysis.Label));
        Assert.Equal(redacted.Analysis.Cues, copy.Analysis.Cues);
    }
}
