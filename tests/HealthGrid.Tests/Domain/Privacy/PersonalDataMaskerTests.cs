using HealthGrid.Domain.Privacy;

namespace HealthGrid.Tests.Domain.Privacy;

/// <summary>What is masked and what support text is full of that must survive.</summary>
public sealed class PersonalDataMaskerTests
{
    private static readonly RedactionSettings All = new();

    [Theory]
    [InlineData("write to jane.doe+billing@example.co.uk please", "write to [email] please")]
    [InlineData("J.O'Neil@Sub.Example.COM.", "[email].")]
    [InlineData("two: a@b.io, c_d@e-f.org", "two: [email], [email]")]
    [InlineData("call +44 20 7946 0958 now", "call [phone] now")]
    [InlineData("call +1 (555) 123-4567", "call [phone]")]
    [InlineData("whatsapp +4915112345678", "whatsapp [phone]")]
    [InlineData("my cell is (555) 123-4567.", "my cell is [phone].")]
    [InlineData("my cell is 555-123-4567 or 555.123.4567", "my cell is [phone] or [phone]")]
    [InlineData("office 020 7946 0958, mobile 07700 900123", "office [phone], mobile [phone]")]
    [InlineData("Berlin 030-1234567", "Berlin [phone]")]
    [InlineData("card 4111 1111 1111 1111 was charged twice", "card [card] was charged twice")]
    [InlineData("card 4111-1111-1111-1111", "card [card]")]
    [InlineData("amex 378282246310005.", "amex [card].")]
    [InlineData("mastercard 5555555555554444", "mastercard [card]")]
    public void Personal_data_is_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text, All));

    [Theory]
    [InlineData("order 4111 1111 1111 1112 never arrived")] // sixteen digits that fail the Luhn check: a reference
    [InlineData("order ORD-2026-000123 is late")]
    [InlineData("ticket #123456789 again")]
    [InlineData("invoice 20260115001 of 2026-01-15")]
    [InlineData("delivered 15/01/2026 at 14:30, expected 12.01.2026")]
    [InlineData("refund of 1,234.56 EUR on 2026-01-15T10:00:00Z")]
    [InlineData("version 10.4.2 build 2026.1201.1")]
    [InlineData("tracking 1Z999AA10123456784")]
    [InlineData("extension 4455")]
    [InlineData("I waited 45 minutes, three times, it's 2026!")]
    [InlineData("user@localhost is not an address we mask, nor is @handle")]
    public void What_is_not_personal_data_survives(string text) =>
        Assert.Same(text, PersonalDataMasker.Mask(text, All));

    [Fact]
    public void Each_kind_can_be_turned_off()
    {
        const string text = "mail a@b.io, call +44 20 7946 0958, card 4111111111111111";
        Assert.Equal("mail a@b.io, call [phone], card [card]", PersonalDataMasker.Mask(text, new() { Emails = false }));
        Assert.Equal("mail [email], call +44 20 7946 0958, card [card]", PersonalDataMasker.Mask(text, new() { PhoneNumbers = false }));
        Assert.Equal("mail [email], call [phone], card 4111111111111111", PersonalDataMasker.Mask(text, new() { PaymentCards = false }));
        Assert.Same(text, PersonalDataMasker.Mask(text, new() { Emails = false, PhoneNumbers = false, PaymentCards = false }));
    }
}
