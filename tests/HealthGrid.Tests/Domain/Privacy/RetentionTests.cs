using HealthGrid.Domain.Customers.Scoring;
using HealthGrid.Domain.Customers.Text;
using HealthGrid.Domain.Ingest;
using HealthGrid.Domain.Privacy;
using static HealthGrid.Tests.Domain.Privacy.TextEvents;

namespace HealthGrid.Tests.Domain.Privacy;

/// <summary>What the retention rules let go when, and what an expired text leaves behind.</summary>
public sealed class RetentionTests
{
    private const string Upset = "I want to cancel my contract, this is the third time!!";

    public static TheoryData<string, int, string?> Months => new()
    {
        // now, EventMonths → the oldest month kept: a month goes once its last day is EventMonths old.
        { "2026-03-05T09:00:00Z", 13, "2025-02-01" },
        { "2026-03-01T00:00:00Z", 13, "2025-02-01" },
        { "2026-02-28T23:59:59Z", 13, "2025-01-01" },
        { "2026-01-15T00:00:00Z", 1, "2025-12-01" },
        { "2026-01-15T00:00:00Z", 0, null },
    };

    [Theory]
    [MemberData(nameof(Months))]
    public void A_month_goes_whole_once_its_last_day_is_old_enough(string now, int eventMonths, string? oldestKept)
    {
        var cutoffs = RetentionCutoffs.At(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), new RetentionSettings { EventMonths = eventMonths });
        Assert.Equal(oldestKept is null ? null : DateOnly.Parse(oldestKept, System.Globalization.CultureInfo.InvariantCulture), cutoffs.OldestMonthKept);
    }

    [Fact]
    public void Texts_and_resolved_cases_go_by_their_age_and_zero_keeps_them()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var cutoffs = RetentionCutoffs.At(now, new RetentionSettings { TextDays = 90, ResolvedCaseDays = 730 });
        Assert.Equal(now.AddDays(-90), cutoffs.TextsReceivedBefore);
        Assert.Equal(now.AddDays(-730), cutoffs.ResolvedBefore);
        Assert.Equal(new DateTimeOffset(2025, 5, 1, 0, 0, 0, TimeSpan.Zero), cutoffs.OldestKeptFrom);

        var kept = RetentionCutoffs.At(now, new RetentionSettings { EventMonths = 0, TextDays = 0, ResolvedCaseDays = 0 });
        Assert.Equal((null, null, null), (kept.TextsReceivedBefore, kept.ResolvedBefore, kept.OldestMonthKept));
    }

    [Fact]
    public void An_expired_customer_text_keeps_the_analyzers_reading_of_the_original()
    {
        var e = Event(message: new MessageDetails("chat-1", Upset, false, MessageDirection.Customer, null));

        var expired = TextExpiry.Expire(e)!;

        Assert.Equal(TextExpiry.Marker, expired.Message!.Text);
        var original = TextAnalyzer.Analyze(Upset);
        Assert.Equal((original.Sentiment, original.Frustration, original.Label), (expired.Analysis!.Sentiment, expired.Analysis.Frustration, expired.Analysis.Label));
        Assert.Equal(original.Cues, expired.Analysis.Cues);

        // Scored on replay exactly as the original was.
        var before = HealthModel.AnalysisOf(e);
        var after = HealthModel.AnalysisOf(expired);
        Assert.Equal((before.Sentiment, before.Frustration, before.Label), (after.Sentiment, after.Frustration, after.Label));
        Assert.Equal(before.Cues, after.Cues);
    }

    [Fact]
    public void A_reading_kept_at_the_door_is_kept_again_and_an_agents_reply_needs_none()
    {
        var redacted = InteractionRedaction.Redact(Event(survey: new SurveyDetails(SurveyType.Csat, 1, Upset + " Mail me: jo@example.com")), new RedactionSettings());
        Assert.Same(redacted.Analysis, TextExpiry.Expire(redacted)!.Analysis);

        var reply = TextExpiry.Expire(Event(message: new MessageDetails("chat-1", "Sorry, we are on it", false, MessageDirection.Agent, null)))!;
        Assert.Equal(TextExpiry.Marker, reply.Message!.Text);
        Assert.Null(reply.Analysis);
    }

    [Fact]
    public void Every_free_text_expires_once_and_events_without_text_are_left_alone()
    {
        Assert.Equal(TextExpiry.Marker, TextExpiry.Expire(Event(ticket: new TicketDetails("T-1", Severity.High, null, "Broken again")))!.Ticket!.Text);
        Assert.Equal(TextExpiry.Marker, TextExpiry.Expire(Event(complaint: new ComplaintDetails("BILL-DUP", Severity.High, "Charged twice")))!.Complaint!.Text);
        Assert.Equal(TextExpiry.Marker, TextExpiry.Expire(Event(social: new SocialDetails("Awful", "x")))!.Social!.Text);

        var once = TextExpiry.Expire(Event(complaint: new ComplaintDetails("BILL-DUP", Severity.High, "Charged twice")))!;
        Assert.Null(TextExpiry.Expire(once));
        Assert.Null(TextExpiry.Expire(Event(survey: new SurveyDetails(SurveyType.Nps, 3, null))));
        Assert.Null(TextExpiry.Expire(Event(complaint: new ComplaintDetails("BILL-DUP", Severity.High, null))));
    }
}
