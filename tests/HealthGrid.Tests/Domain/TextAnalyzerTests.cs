using HealthGrid.Domain.Customers.Text;

namespace HealthGrid.Tests.Domain;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void Negation_flips_a_positive_word()
    {
        Assert.True(TextAnalyzer.Analyze("The service is good").Sentiment > 0);
        Assert.True(TextAnalyzer.Analyze("The service is not good").Sentiment < 0);
    }

    [Fact]
    public void Negation_softens_a_negative_word_into_a_mild_positive()
    {
        var plain = TextAnalyzer.Analyze("That was bad");
        var negated = TextAnalyzer.Analyze("That was not bad");
        Assert.True(plain.Sentiment < 0);
        Assert.True(negated.Sentiment > 0);
        Assert.True(Math.Abs(negated.Sentiment) < Math.Abs(plain.Sentiment));
    }

    [Fact]
    public void Intensifiers_strengthen_and_dampeners_weaken()
    {
        var plain = TextAnalyzer.Analyze("The agent was helpful").Sentiment;
        Assert.True(TextAnalyzer.Analyze("The agent was extremely helpful").Sentiment > plain);
        Assert.True(TextAnalyzer.Analyze("The agent was slightly helpful").Sentiment < plain);
    }

    [Fact]
    public void Capitals_emphasise_a_word_and_shouting_is_a_cue()
    {
        Assert.True(TextAnalyzer.Analyze("This is BAD").Sentiment < TextAnalyzer.Analyze("This is bad").Sentiment);
        var shouting = TextAnalyzer.Analyze("WHY DOES THIS KEEP FAILING");
        Assert.Contains(TextAnalyzer.ShoutingCue, shouting.Cues);
    }

    [Fact]
    public void Acronyms_are_not_shouting()
    {
        Assert.DoesNotContain(TextAnalyzer.ShoutingCue, TextAnalyzer.Analyze("Please send the SLA and GDPR documents ASAP").Cues);
    }

    [Fact]
    public void Repeated_punctuation_counts_only_when_unhappy()
    {
        Assert.Contains(TextAnalyzer.RepeatedPunctuationCue, TextAnalyzer.Analyze("Where is my order??").Cues);
        Assert.DoesNotContain(TextAnalyzer.RepeatedPunctuationCue, TextAnalyzer.Analyze("Thank you so much!!!").Cues);
    }

    [Theory]
    [InlineData("This is damn annoying")]
    [InlineData("What the f*** happened to my order")]
    public void Profanity_is_detected_including_censored_words(string text) =>
        Assert.Contains(TextAnalyzer.ProfanityCue, TextAnalyzer.Analyze(text).Cues);

    [Theory]
    [InlineData("Please cancel my contract", IntentCues.Cancellation)]
    [InlineData("I want to speak to a manager", IntentCues.Escalation)]
    [InlineData("This is the third time I'm calling", IntentCues.RepeatContact)]
    [InlineData("We are switching to a competitor", IntentCues.Switching)]
    [InlineData("You will hear from our lawyer", IntentCues.Legal)]
    [InlineData("I have been waiting for days", IntentCues.LeftWaiting)]
    public void Intent_cues_are_named_and_make_text_frustrated(string text, string cue)
    {
        var signal = TextAnalyzer.Analyze(text);
        Assert.Contains(cue, signal.Cues);
        Assert.Equal(TextLabel.Frustrated, signal.Label);
    }

    [Fact]
    public void But_weighs_the_second_clause_more()
    {
        Assert.True(TextAnalyzer.Analyze("The product is great but support is terrible").Sentiment < 0);
        Assert.True(TextAnalyzer.Analyze("Support is terrible but the product is great").Sentiment > 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_neutral(string? text) => Assert.Same(TextSignal.Empty, TextAnalyzer.Analyze(text));

    [Fact]
    public void Scores_stay_in_range_for_extreme_text()
    {
        var signal = TextAnalyzer.Analyze(string.Join(' ', Enumerable.Repeat("TERRIBLE AWFUL USELESS!!! cancel my contract, speak to a manager", 50)));
        Assert.InRange(signal.Sentiment, -1, 1);
        Assert.InRange(signal.Frustration, 0, 1);
    }
}
