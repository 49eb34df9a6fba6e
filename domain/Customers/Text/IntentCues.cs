using System.Text.RegularExpressions;

namespace HealthGrid.Domain.Customers.Text;

/// <summary>
/// Phrases that say what the customer means to do or what they have endured: the strongest signs
/// of frustration in a live conversation, whatever the words' sentiment.
/// </summary>
public static partial class IntentCues
{
    public const string Cancellation = "cancellation intent";
    public const string Escalation = "asks for a manager";
    public const string RepeatContact = "repeat contact";
    public const string Switching = "switching to a competitor";
    public const string Legal = "legal threat";
    public const string LeftWaiting = "left waiting";

    private static readonly (string Cue, Regex Pattern)[] Patterns =
    [
        (Cancellation, CancellationPattern()),
        (Escalation, EscalationPattern()),
        (RepeatContact, RepeatContactPattern()),
        (Switching, SwitchingPattern()),
        (Legal, LegalPattern()),
        (LeftWaiting, LeftWaitingPattern()),
    ];

    /// <summary>The cues found in lower-cased text, each at most once.</summary>
    internal static List<string> Find(string lowerText)
    {
        var found = new List<string>(2);
        foreach (var (cue, pattern) in Patterns)
        {
            if (pattern.IsMatch(lowerText))
            {
                found.Add(cue);
            }
        }

        return found;
    }

    [GeneratedRegex(@"\b((cancel|terminate|end|close|stop)\s+(my|our|the|this)\s+(contract|subscription|account|service|membership|plan|order)|(want|going|need|like|plan(ning)?)\s+to\s+cancel|cancel(l?ing)?\s+(everything|it all|immediately))\b", RegexOptions.CultureInvariant)]
    private static partial Regex CancellationPattern();

    [GeneratedRegex(@"\b((speak|talk)\s+(to|with)\s+(a|your|the|someone)\s*(manager|supervisor|boss|senior|in charge)|get\s+me\s+(a|your|the)\s+(manager|supervisor)|escalat(e|ing)\s+(this|it|the|my)|(manager|supervisor)\s+(now|please|immediately))\b", RegexOptions.CultureInvariant)]
    private static partial Regex EscalationPattern();

    [GeneratedRegex(@"\b((second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th|\d+th)\s+time|how\s+many\s+times|again\s+and\s+again|(called|written|emailed|asked|explained|chased)\s+(you\s+)?(\w+\s+)?(times|twice)|still\s+(not|isn't|hasn't|doesn't|no|broken|nothing|unresolved|waiting\s+for\s+a\s+fix)|keep\s+(having|getting|calling|asking))\b", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatContactPattern();

    [GeneratedRegex(@"\b((switch(ing)?|mov(e|ing)|go(ing)?|leav(e|ing))\s+(to|for)\s+(a\s+|another\s+|your\s+)?(competitor|other\s+provider|another\s+provider|another\s+vendor|someone\s+else)|take\s+(my|our)\s+business\s+elsewhere|looking\s+(at|for)\s+(alternatives|other\s+(providers|vendors|options)))\b", RegexOptions.CultureInvariant)]
    private static partial Regex SwitchingPattern();

    [GeneratedRegex(@"\b(lawyer|lawyers|attorney|solicitor|legal\s+action|sue\s+you|take\s+you\s+to\s+court|small\s+claims|ombudsman|regulator|report\s+you)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LegalPattern();

    [GeneratedRegex(@"\b((been|still|keep|kept)\s+(on\s+hold|waiting)|waiting\s+for\s+(days|weeks|hours|ages)|no\s*(one|body)\s+(has\s+)?(got|gotten|gets|came|called|replied|responded|bothered|cares)|nobody\s+(has\s+)?(responded|replied|called|cares)|waste\s+of\s+(my\s+|our\s+)?(time|money)|on\s+hold\s+for)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeftWaitingPattern();
}
