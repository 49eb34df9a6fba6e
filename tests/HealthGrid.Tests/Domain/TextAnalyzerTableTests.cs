using HealthGrid.Domain.Customers.Text;
using Xunit.Abstractions;

namespace HealthGrid.Tests.Domain;

/// <summary>
/// The analyzer's accuracy on sentences written for HealthGrid, labelled by what a supervisor would
/// want to know: positive, neutral, negative (unhappy but calm) or frustrated (act now).
/// </summary>
public sealed class TextAnalyzerTableTests(ITestOutputHelper output)
{
    private const double RequiredAccuracy = 0.85;

    public static readonly (string Text, TextLabel Label)[] Table =
    [
        // Positive
        ("Thanks so much, you guys are amazing!", TextLabel.Positive),
        ("The new dashboard is excellent and really easy to use.", TextLabel.Positive),
        ("Great support today, my issue was resolved quickly.", TextLabel.Positive),
        ("I really appreciate how patient the agent was.", TextLabel.Positive),
        ("Not bad at all, the onboarding went smoothly.", TextLabel.Positive),
        ("Everything works perfectly now, thank you.", TextLabel.Positive),
        ("We are very happy with the service this quarter.", TextLabel.Positive),
        ("Brilliant, that fixed it.", TextLabel.Positive),
        ("The delivery arrived early and in perfect condition.", TextLabel.Positive),
        ("Your team has been incredibly helpful.", TextLabel.Positive),
        ("Love the new reporting feature!", TextLabel.Positive),
        ("No problem at all, thanks for the quick reply.", TextLabel.Positive),
        ("THANK YOU!!! You saved our launch.", TextLabel.Positive),
        ("I would definitely recommend you to other teams.", TextLabel.Positive),
        ("Smooth renewal process, well done.", TextLabel.Positive),
        ("The invoice was clear and correct this time, great job.", TextLabel.Positive),
        ("Pleased with how fast the outage was handled.", TextLabel.Positive),
        ("It was a bit slow at first but the agent was fantastic.", TextLabel.Positive),

        // Neutral
        ("Can you send me a copy of last month's invoice?", TextLabel.Neutral),
        ("When is the next maintenance window?", TextLabel.Neutral),
        ("Please update our billing address to the new office.", TextLabel.Neutral),
        ("I'd like to add two more users to our plan.", TextLabel.Neutral),
        ("What is the status of ticket 4471?", TextLabel.Neutral),
        ("Our purchase order number is PO-2231.", TextLabel.Neutral),
        ("Who should I contact about the contract renewal?", TextLabel.Neutral),
        ("The shipment left the warehouse this morning.", TextLabel.Neutral),
        ("I am calling to confirm the meeting on Tuesday.", TextLabel.Neutral),
        ("Can we schedule a training session for new staff?", TextLabel.Neutral),
        ("We will review the proposal next week.", TextLabel.Neutral),
        ("Is the API rate limit per user or per account?", TextLabel.Neutral),
        ("Please send the report to finance as well.", TextLabel.Neutral),
        ("I changed my password yesterday.", TextLabel.Neutral),
        ("The order contains twelve items.", TextLabel.Neutral),
        ("OK, I will wait for the engineer's email.", TextLabel.Neutral),

        // Negative
        ("The delivery arrived two days late.", TextLabel.Negative),
        ("We were charged twice this month.", TextLabel.Negative),
        ("I'm not happy with the response time.", TextLabel.Negative),
        ("The export has been slow all week.", TextLabel.Negative),
        ("Unfortunately the update broke our integration.", TextLabel.Negative),
        ("The box was damaged and two items were missing.", TextLabel.Negative),
        ("This is disappointing, the report is wrong again.", TextLabel.Negative),
        ("The new interface is confusing and hard to use.", TextLabel.Negative),
        ("Your invoice has the wrong amount on it.", TextLabel.Negative),
        ("The app keeps crashing when I upload files.", TextLabel.Negative),
        ("Support was not very helpful today.", TextLabel.Negative),
        ("We are worried about the recent outages.", TextLabel.Negative),
        ("The agent was rude to our team.", TextLabel.Negative),
        ("Quality has got worse since the last release.", TextLabel.Negative),
        ("It does not work on our laptops.", TextLabel.Negative),
        ("The pricing is too expensive for what we get.", TextLabel.Negative),

        // Frustrated
        ("This is the third time I'm calling about the same invoice!!!", TextLabel.Frustrated),
        ("I want to speak to a manager right now.", TextLabel.Frustrated),
        ("If this isn't fixed today we will cancel our contract.", TextLabel.Frustrated),
        ("STILL NOT WORKING. Nobody has got back to me.", TextLabel.Frustrated),
        ("I'm fed up, we are looking at alternatives.", TextLabel.Frustrated),
        ("How many times do I have to explain this? Ridiculous.", TextLabel.Frustrated),
        ("WHY IS NOTHING WORKING", TextLabel.Frustrated),
        ("I've been waiting for days and no one has replied.", TextLabel.Frustrated),
        ("This is absolutely unacceptable, I am furious.", TextLabel.Frustrated),
        ("What a waste of time, this is a joke!!", TextLabel.Frustrated),
        ("We are switching to a competitor next month.", TextLabel.Frustrated),
        ("I am extremely frustrated with your service.", TextLabel.Frustrated),
        ("Cancel my subscription immediately.", TextLabel.Frustrated),
        ("Our lawyer will be in touch about this.", TextLabel.Frustrated),
        ("This damn system crashed again and I lost everything.", TextLabel.Frustrated),
        ("Are you kidding me?! It broke AGAIN.", TextLabel.Frustrated),
        ("I keep getting the same error and nobody cares.", TextLabel.Frustrated),
        ("Third time asking: where is my refund??", TextLabel.Frustrated),
        ("I'm sick and tired of chasing you for an answer.", TextLabel.Frustrated),
        ("Escalate this to your supervisor, I've had enough.", TextLabel.Frustrated),
        ("Been on hold for an hour, this is outrageous!", TextLabel.Frustrated),
        ("You people are useless, fix it now!!!", TextLabel.Frustrated),
    ];

    [Fact]
    public void Table_has_at_least_sixty_sentences_covering_every_label()
    {
        Assert.True(Table.Length >= 60);
        Assert.All(Enum.GetValues<TextLabel>(), label => Assert.True(Table.Count(t => t.Label == label) >= 10, $"{label} is under-represented"));
    }

    [Fact]
    public void Accuracy_on_the_labelled_table_is_at_least_85_percent()
    {
        var misses = Table
            .Select(t => (t.Text, Expected: t.Label, Signal: TextAnalyzer.Analyze(t.Text)))
            .Where(t => t.Signal.Label != t.Expected)
            .ToList();
        var accuracy = 1 - ((double)misses.Count / Table.Length);
        output.WriteLine($"Text analyzer accuracy: {accuracy:P1} ({Table.Length - misses.Count}/{Table.Length})");
        foreach (var (text, expected, signal) in misses)
        {
            output.WriteLine($"  expected {expected}, got {signal.Label} (sentiment {signal.Sentiment}, frustration {signal.Frustration}): {text}");
        }

        Assert.True(accuracy >= RequiredAccuracy, $"accuracy {accuracy:P1} is below {RequiredAccuracy:P0}");
    }
}
