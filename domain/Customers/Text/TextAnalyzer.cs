using System.Text.RegularExpressions;

namespace HealthGrid.Domain.Customers.Text;

/// <summary>
/// Rule-based sentiment and frustration for English chat, call-transcript, survey-verbatim and
/// social text. Deterministic and allocation-light because it runs on every live message.
/// <para>
/// Sentiment sums word valences, adjusted for negation (the three words before), intensifiers and
/// dampeners (the two words before), ALL-CAPS emphasis, "but" clauses (before ×0.5, after ×1.5) and
/// exclamation marks, then squashes the sum into [-1, 1]. Frustration adds up negative sentiment,
/// intent cues ("cancel my contract", "speak to a manager", "third time I'm calling"), words that
/// name frustration, profanity, shouting and repeated punctuation.
/// </para>
/// </summary>
public static partial class TextAnalyzer
{
    public const string FrustrationWordsCue = "frustration words";
    public const string ProfanityCue = "profanity";
    public const string ShoutingCue = "shouting";
    public const string RepeatedPunctuationCue = "repeated punctuation";

    /// <summary>Frustration at or above this labels the text frustrated.</summary>
    public const double FrustratedAt = 0.5;

    private const double NegationFactor = -0.6;
    private const double CapsEmphasis = 1.5;
    private const double ExclamationBoost = 0.3;
    private const double IntentValence = -2.0;
    private const double ProfanityValence = -2.5;
    private const double NormalizationAlpha = 15;

    public static TextSignal Analyze(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return TextSignal.Empty;
        }

        var normalized = text.Replace('\u2019', '\'');
        var lower = normalized.ToLowerInvariant();
        var tokens = Tokenize(normalized);
        var shouting = IsShouting(normalized, tokens);
        var scan = ScoreWords(tokens, emphasizeCaps: !shouting);

        var intents = IntentCues.Find(lower);
        var sum = scan.Sum + (intents.Count * IntentValence);
        var exclamations = Math.Min(4, normalized.Count(c => c == '!'));
        if (sum != 0)
        {
            sum += Math.Sign(sum) * ExclamationBoost * exclamations;
        }

        if (shouting && sum < 0)
        {
            sum *= 1.3;
        }

        var sentiment = sum / Math.Sqrt((sum * sum) + NormalizationAlpha);
        var repeatedPunctuation = RepeatedPunctuation().IsMatch(normalized);
        var frustrationWords = SentimentLexicon.FrustrationWordPrefixes.Any(p => lower.Contains(p, StringComparison.Ordinal));

        var cues = new List<string>(intents);
        var frustration = sentiment < 0 ? -sentiment * 0.45 : 0;
        frustration += 0.35 * Math.Min(2, intents.Count);
        if (frustrationWords)
        {
            frustration += 0.3;
            cues.Add(FrustrationWordsCue);
        }

        if (scan.Profanity)
        {
            frustration += 0.25;
            cues.Add(ProfanityCue);
        }

        // Shouting and "!!!" say frustration only when the words are not happy ones ("THANK YOU!!!").
        var unhappy = sentiment < 0.2 || intents.Count > 0;
        if (shouting && unhappy)
        {
            frustration += 0.25;
            cues.Add(ShoutingCue);
        }

        if (repeatedPunctuation && unhappy)
        {
            frustration += 0.15;
            cues.Add(RepeatedPunctuationCue);
        }

        frustration = Math.Clamp(frustration, 0, 1);
        return new TextSignal(Math.Round(sentiment, 3), Math.Round(frustration, 3), cues, LabelOf(sentiment, frustration));
    }

    private static TextLabel LabelOf(double sentiment, double frustration) =>
        frustration >= FrustratedAt ? TextLabel.Frustrated
        : sentiment <= -0.2 ? TextLabel.Negative
        : sentiment >= 0.2 ? TextLabel.Positive
        : TextLabel.Neutral;

    private readonly record struct Token(string Text, string Lower, bool IsWord);

    private readonly record struct WordScan(double Sum, bool Profanity);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(16);
        foreach (Match m in TokenPattern().Matches(text))
        {
            var isWord = char.IsLetter(m.Value[0]);
            tokens.Add(new Token(m.Value, m.Value.ToLowerInvariant(), isWord));
        }

        return tokens;
    }

    private static WordScan ScoreWords(List<Token> tokens, bool emphasizeCaps)
    {
        var butIndex = tokens.FindLastIndex(t => t.Lower == "but");
        double sum = 0;
        var profanity = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsWord && token.Text is not (":)" or ":(" or ":-)" or ":-("))
            {
                continue;
            }

            double valence;
            var consumed = 1;
            if (TryMatchPhrase(tokens, i, out var phraseValence, out var phraseLength))
            {
                valence = phraseValence;
                consumed = phraseLength;
            }
            else if (token.Text is ":)" or ":-)")
            {
                valence = 1.5;
            }
            else if (token.Text is ":(" or ":-(")
            {
                valence = -1.5;
            }
            else if (Modifiers.Profanity.Contains(token.Lower) || Modifiers.IsCensoredProfanity(token.Lower))
            {
                profanity = true;
                valence = ProfanityValence;
            }
            else if (!SentimentLexicon.TryGet(token.Lower, out valence))
            {
                continue;
            }

            valence *= IntensityBefore(tokens, i);
            if (consumed == 1 && IsNegated(tokens, i))
            {
                valence *= NegationFactor;
            }

            if (emphasizeCaps && IsAllCaps(token.Text) && token.Text.Length > 1)
            {
                valence *= CapsEmphasis;
            }

            if (butIndex >= 0)
            {
                valence *= i > butIndex ? 1.5 : 0.5;
            }

            sum += valence;
            i += consumed - 1;
        }

        return new WordScan(sum, profanity);
    }

    private static bool TryMatchPhrase(List<Token> tokens, int start, out double valence, out int length)
    {
        foreach (var (words, value) in SentimentLexicon.Phrases)
        {
            if (start + words.Length > tokens.Count)
            {
                continue;
            }

            var matches = true;
            for (var w = 0; w < words.Length && matches; w++)
            {
                matches = tokens[start + w].Lower == words[w];
            }

            if (matches)
            {
                valence = value;
                length = words.Length;
                return true;
            }
        }

        valence = 0;
        length = 0;
        return false;
    }

    private static double IntensityBefore(List<Token> tokens, int index)
    {
        for (var j = index - 1; j >= Math.Max(0, index - 2); j--)
        {
            if (!tokens[j].IsWord)
            {
                break;
            }

            if (Modifiers.Intensifiers.TryGetValue(tokens[j].Lower, out var factor))
            {
                return factor;
            }
        }

        return 1;
    }

    private static bool IsNegated(List<Token> tokens, int index)
    {
        for (var j = index - 1; j >= Math.Max(0, index - 3); j--)
        {
            if (!tokens[j].IsWord)
            {
                return false;
            }

            if (Modifiers.Negators.Contains(tokens[j].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsShouting(string text, List<Token> tokens)
    {
        int letters = 0, upper = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        if (letters >= 10 && upper >= letters * 0.6)
        {
            return true;
        }

        var capsWords = tokens.Count(t => t.IsWord && t.Text.Length >= 4 && IsAllCaps(t.Text) && !Modifiers.Acronyms.Contains(t.Text));
        return capsWords >= 2;
    }

    private static bool IsAllCaps(string word)
    {
        var anyLetter = false;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                anyLetter = true;
                if (!char.IsUpper(c))
                {
                    return false;
                }
            }
        }

        return anyLetter;
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z'*]*|:-?[()]|[!?]+|[.,;:]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"[!?]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatedPunctuation();
}
