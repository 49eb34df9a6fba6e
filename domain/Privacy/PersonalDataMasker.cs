using System.Text.RegularExpressions;

namespace HealthGrid.Domain.Privacy;

/// <summary>
/// Masks e-mail addresses, telephone numbers and payment-card numbers in free text. Built to leave
/// alone what support text is full of: order and ticket numbers, dates, amounts, versions. So a card
/// is a 13–19 digit run that passes the Luhn check (a digit run that fails it is a reference number),
/// and a telephone number needs the shape of one — a leading <c>+</c>, a bracketed or separated North
/// American area code, or a national number starting with 0 written in groups — never a bare digit run.
/// Returns the same string instance when nothing was found, which is the common case and costs one scan.
/// </summary>
public static partial class PersonalDataMasker
{
    public const string EmailMask = "[email]";
    public const string PhoneMask = "[phone]";
    public const string CardMask = "[card]";

    public static string Mask(string text, RedactionSettings settings)
    {
        var (at, digits) = Scan(text);
        var masked = text;
        if (settings.Emails && at)
        {
            masked = Email().Replace(masked, EmailMask);
        }

        if (digits >= 13 && settings.PaymentCards)
        {
            masked = Card().Replace(masked, m => IsCard(m.ValueSpan) ? CardMask : m.Value);
        }

        if (digits >= 7 && settings.PhoneNumbers)
        {
            masked = Phone().Replace(masked, m => IsPhone(m.ValueSpan) ? PhoneMask : m.Value);
        }

        return masked == text ? text : masked;
    }

    /// <summary>Whether there is an '@' and how many digits: most texts have neither, and skip every pattern.</summary>
    private static (bool At, int Digits) Scan(string text)
    {
        var at = false;
        var digits = 0;
        foreach (var c in text)
        {
            at |= c == '@';
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return (at, digits);
    }

    private static bool IsCard(ReadOnlySpan<char> candidate)
    {
        var sum = 0;
        var count = 0;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                continue;
            }

            var digit = candidate[i] - '0';
            if (count % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
            count++;
        }

        return count is >= 13 and <= 19 && sum % 10 == 0;
    }

    /// <summary>E.164 allows at most 15 digits; below 8 it is an extension or a short code, not a number to protect.</summary>
    private static bool IsPhone(ReadOnlySpan<char> candidate)
    {
        var count = 0;
        foreach (var c in candidate)
        {
            count += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return count is >= 8 and <= 15;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+'\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>Digits with at most one space or dash between them, not inside a longer run of digits or letters, not after a '+' (a telephone number).</summary>
    [GeneratedRegex(@"(?<![\w\-+])\d(?:[ \-]?\d){12,18}(?![\w\-])", RegexOptions.CultureInvariant)]
    private static partial Regex Card();

    [GeneratedRegex(
        @"(?<![\w+])\+\d{1,3}(?:[ .\-]?\(?\d{1,4}\)?){2,5}(?!\w)" // +44 20 7946 0958, +1 (555) 123-4567, +4915112345678
        + @"|(?<![\w(])(?:\(\d{3}\)[ ]?|\d{3}[ .\-])\d{3}[ .\-]\d{4}(?![\w\-])" // (555) 123-4567, 555-123-4567, 555.123.4567
        + @"|(?<![\w\-])0\d{2,4}[ \-]\d{3,8}(?:[ \-]\d{3,4})?(?![\w\-])", // 020 7946 0958, 07700 900123, 030-1234567
        RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
