using System.Collections.Frozen;

namespace HealthGrid.Domain.Customers.Text;

/// <summary>Negators, intensifiers, dampeners and profanity: the words that change other words.</summary>
internal static class Modifiers
{
    public static readonly FrozenSet<string> Negators = FrozenSet.ToFrozenSet(
    [
        "not", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without", "hardly", "barely",
        "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "can't", "cannot", "couldn't",
        "won't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't", "ain't", "isnt", "dont", "doesnt",
        "didnt", "cant", "wont", "havent", "hasnt",
    ], StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, double> Intensifiers = new Dictionary<string, double>
    {
        ["very"] = 1.4, ["really"] = 1.4, ["so"] = 1.3, ["extremely"] = 1.6, ["incredibly"] = 1.6,
        ["totally"] = 1.5, ["absolutely"] = 1.6, ["completely"] = 1.5, ["utterly"] = 1.6, ["super"] = 1.4,
        ["highly"] = 1.4, ["truly"] = 1.4, ["deeply"] = 1.4, ["seriously"] = 1.5, ["terribly"] = 1.5,
        ["too"] = 1.2, ["most"] = 1.3, ["such"] = 1.2, ["beyond"] = 1.4, ["insanely"] = 1.6,
        // Dampeners
        ["slightly"] = 0.6, ["somewhat"] = 0.6, ["bit"] = 0.7, ["kinda"] = 0.6, ["fairly"] = 0.7,
        ["rather"] = 0.8, ["little"] = 0.7, ["mildly"] = 0.6, ["partly"] = 0.7,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Profanity = FrozenSet.ToFrozenSet(
    [
        "damn", "damned", "dammit", "damnit", "crap", "crappy", "shit", "shitty", "bullshit", "fuck", "fucking",
        "fucked", "wtf", "ffs", "omfg", "bloody", "pissed", "piss", "arse", "asshole", "bastard", "bastards", "hell",
        "screwed", "sucks", "goddamn",
    ], StringComparer.Ordinal);

    /// <summary>Acronyms that are not shouting.</summary>
    public static readonly FrozenSet<string> Acronyms = FrozenSet.ToFrozenSet(
    [
        "ASAP", "HTTP", "HTTPS", "EMEA", "APAC", "LATAM", "GDPR", "INVOICE", "NPS", "CSAT", "API", "SLA", "CEO", "URGENT",
    ], StringComparer.Ordinal);

    /// <summary>True for censored profanity such as "f***" or "s**t".</summary>
    public static bool IsCensoredProfanity(string lowerWord) =>
        lowerWord.Contains('*', StringComparison.Ordinal) && lowerWord.Length >= 3 && char.IsLetter(lowerWord[0]);
}
