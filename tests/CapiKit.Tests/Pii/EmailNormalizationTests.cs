using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class EmailNormalizationTests
{
    [Theory]
    [InlineData(" John@Example.com ", "john@example.com")]
    [InlineData("\tMARY.ann+promo@Mail.Example.CO.UK\n", "mary.ann+promo@mail.example.co.uk")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("JOSÉ@EXAMPLE.ES", "josé@example.es")]
    [InlineData("user@bücher.de", "user@bücher.de")]
    [InlineData("Jose\u0301@example.com", "josé@example.com")]
    public void Valid_addresses_are_trimmed_lower_cased_and_composed(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("em", raw));

    [Theory]
    [InlineData("john.example.com")]
    [InlineData("@example.com")]
    [InlineData("john@")]
    [InlineData("john@localhost")]
    [InlineData("john@@example.com")]
    [InlineData("jo hn@example.com")]
    [InlineData("john@example..com")]
    [InlineData("john@.example.com")]
    [InlineData("john.@example.com")]
    [InlineData("john@example.c")]
    [InlineData("john@127.0.0.1")]
    [InlineData("John Smith <john@example.com>")]
    [InlineData("john@-example.com")]
    public void Clearly_invalid_addresses_are_rejected(string raw) =>
        Assert.Equal(NormalizationFailure.InvalidFormat, Normalize.Failure("em", raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_addresses_are_rejected(string? raw) =>
        Assert.Equal(NormalizationFailure.Empty, Normalize.Failure("em", raw));

    [Fact]
    public void An_overlong_address_is_rejected()
    {
        string raw = new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";
        Assert.Equal(NormalizationFailure.InvalidFormat, Normalize.Failure("em", raw));
    }
}
