using System.Collections.Frozen;

namespace HealthGrid.Domain.Customers.Text;

/// <summary>
/// Word valences (-3 … +3) for customer-service English, written for HealthGrid. Entries ending in
/// '*' match any word with that prefix ("frustrat*" covers frustrated, frustrating, frustration).
/// </summary>
internal static class SentimentLexicon
{
    private static readonly (string Word, double Valence)[] Entries =
    [
        // Positive
        ("good", 1.9), ("great", 3.0), ("excellent", 3.0), ("amazing", 3.0), ("awesome", 3.0), ("fantastic", 3.0),
        ("wonderful", 3.0), ("perfect", 2.8), ("love", 2.8), ("loved", 2.8), ("loving", 2.5), ("like", 1.2), ("liked", 1.5),
        ("happy", 2.5), ("pleased", 2.2), ("glad", 2.0), ("delighted", 3.0), ("satisfied", 2.0), ("thanks", 1.8),
        ("thank", 1.8), ("thankful", 2.0), ("grateful", 2.3), ("appreciate", 2.2), ("appreciated", 2.2), ("helpful", 2.2),
        ("quick", 1.2), ("quickly", 1.2), ("fast", 1.2), ("easy", 1.8), ("easily", 1.5), ("smooth", 1.8), ("smoothly", 1.8),
        ("friendly", 2.0), ("kind", 1.8), ("polite", 1.6), ("professional", 1.6), ("reliable", 2.0), ("resolved", 1.5),
        ("fixed", 1.5), ("solved", 1.6), ("works", 1.0), ("working", 0.6), ("recommend", 2.0), ("impressed", 2.4),
        ("brilliant", 3.0), ("superb", 3.0), ("outstanding", 3.0), ("nice", 1.8), ("fine", 0.8), ("well", 0.8),
        ("best", 2.8), ("better", 1.5), ("improved", 1.8), ("seamless", 2.2), ("efficient", 2.0), ("responsive", 1.8),
        ("patient", 1.6), ("clear", 1.2), ("useful", 1.8), ("valuable", 2.0), ("enjoy", 2.2), ("enjoyed", 2.2),
        ("cheers", 1.5), ("awesome", 3.0), ("pleasure", 2.4), ("lifesaver", 3.0), ("star", 1.8), ("superstar", 2.8),

        // Negative
        ("bad", -2.5), ("poor", -2.3), ("poorly", -2.3), ("terrible", -3.0), ("horrible", -3.0), ("awful", -3.0),
        ("worst", -3.0), ("worse", -2.3), ("hate", -3.0), ("hated", -3.0), ("dislike", -2.0), ("disappoint*", -2.4),
        ("unhappy", -2.5), ("sad", -2.0), ("upset", -2.4), ("angry", -3.0), ("furious", -3.0), ("livid", -3.0),
        ("fuming", -3.0), ("annoy*", -2.3), ("irritat*", -2.2), ("frustrat*", -2.6), ("exasperat*", -2.6),
        ("infuriat*", -3.0), ("unacceptable", -3.0), ("ridiculous", -2.6), ("outrageous", -3.0), ("disgrace*", -3.0),
        ("pathetic", -3.0), ("useless", -2.8), ("incompetent", -3.0), ("rude", -2.6), ("slow", -1.6), ("slowly", -1.4),
        ("late", -1.8), ("delay", -1.8), ("delayed", -1.8), ("delays", -1.8), ("broken", -2.2), ("broke", -2.0),
        ("fail*", -2.2), ("error", -1.6), ("errors", -1.6), ("wrong", -2.0), ("problem", -1.6), ("problems", -1.8),
        ("issue", -1.2), ("issues", -1.4), ("bug", -1.6), ("bugs", -1.8), ("crash*", -2.2), ("damaged", -2.2),
        ("missing", -1.6), ("lost", -1.8), ("confus*", -1.6), ("complicated", -1.4), ("difficult", -1.6), ("hard", -0.8),
        ("overcharged", -2.6), ("charged", -0.6), ("expensive", -1.4), ("refund", -0.8), ("complain*", -1.8),
        ("mess", -2.0), ("nightmare", -3.0), ("joke", -1.6), ("scam", -3.0), ("waste", -2.4), ("wasted", -2.4),
        ("ignored", -2.6), ("ignoring", -2.6), ("unreliable", -2.4), ("unhelpful", -2.4), ("unresolved", -2.0),
        ("stuck", -1.8), ("worried", -1.8), ("concern*", -1.2), ("sorry", -0.6), ("unfortunately", -1.2), ("fed", -0.4),
        ("sick", -1.8), ("tired", -1.6), ("fault*", -1.8), ("duplicate", -1.0), ("incorrect", -2.0), ("inaccurate", -2.0),
        ("never", -0.8), ("nobody", -1.0), ("cannot", -0.6), ("unable", -1.2), ("down", -0.8), ("outage", -2.4),
        ("appalling", -3.0), ("dreadful", -3.0), ("shocking", -2.6), ("lousy", -2.6), ("mediocre", -1.6),
    ];

    private static readonly FrozenDictionary<string, double> Exact =
        Entries.Where(e => !e.Word.EndsWith('*')).DistinctBy(e => e.Word)
            .ToFrozenDictionary(e => e.Word, e => e.Valence, StringComparer.Ordinal);

    private static readonly (string Prefix, double Valence)[] Prefixes =
        [.. Entries.Where(e => e.Word.EndsWith('*')).Select(e => (e.Word[..^1], e.Valence))];

    private static readonly (string Phrase, double Valence)[] PhraseEntries =
    [
        ("no problem", 1.5), ("no worries", 1.5), ("not a problem", 1.5), ("no issues", 1.2), ("no complaints", 1.8),
        ("well done", 2.4), ("fed up", -2.8), ("sick of", -2.8), ("sick and tired", -3.0), ("had enough", -2.6),
        ("let down", -2.4), ("does not work", -2.2), ("doesn't work", -2.2), ("not working", -2.2), ("went wrong", -2.0),
        ("thank you", 1.8), ("over the moon", 3.0), ("spot on", 2.4), ("top notch", 2.8), ("a joke", -2.2),
        ("nothing works", -2.4), ("nothing working", -2.4), ("nothing is working", -2.4), ("charged twice", -2.2),
        ("double charged", -2.2), ("kidding me", -2.2),

        // Requests, not praise.
        ("i'd like", 0), ("we'd like", 0), ("would like", 0), ("as well", 0),
    ];

    /// <summary>Multi-word expressions whose meaning is not the sum of their words, split into words.</summary>
    internal static readonly (string[] Words, double Valence)[] Phrases = PhraseEntries.Select(e => (e.Phrase.Split(' '), e.Valence)).ToArray();

    /// <summary>Words that name frustration itself; they add to frustration beyond their valence.</summary>
    internal static readonly string[] FrustrationWordPrefixes =
        ["frustrat", "annoy", "irritat", "exasperat", "infuriat", "furious", "livid", "fuming", "angry", "fed up", "sick of", "sick and tired", "had enough", "kidding me"];

    public static bool TryGet(string lowerWord, out double valence)
    {
        if (Exact.TryGetValue(lowerWord, out valence))
        {
            return true;
        }

        foreach (var (prefix, value) in Prefixes)
        {
            if (lowerWord.StartsWith(prefix, StringComparison.Ordinal))
            {
                valence = value;
                return true;
            }
        }

        valence = 0;
        return false;
    }
}
