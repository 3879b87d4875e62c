using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class LocationNormalizationTests
{
    [Theory]
    [InlineData("New York", "newyork")]
    [InlineData("  SAN-FRANCISCO ", "sanfrancisco")]
    [InlineData("St. Louis", "stlouis")]
    [InlineData("Montréal", "montréal")]
    [InlineData("L'Aquila", "laquila")]
    [InlineData("東京", "東京")]
    [InlineData("Paris 75018", "paris")]
    public void Cities_are_lower_case_letters_only(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("ct", raw));

    [Theory]
    [InlineData("California", "ca")]
    [InlineData("CA", "ca")]
    [InlineData("N.Y.", "ny")]
    [InlineData("new york", "ny")]
    [InlineData("District of Columbia", "dc")]
    [InlineData("Puerto Rico", "pr")]
    [InlineData("Hawaiʻi", "hi")]
    [InlineData("Bayern", "bayern")]
    [InlineData("New South Wales", "newsouthwales")]
    [InlineData("Québec", "québec")]
    public void States_are_US_codes_or_lower_case_letters(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("st", raw));

    [Theory]
    [InlineData("94035", "94035")]
    [InlineData("94035-1234", "94035")]
    [InlineData("94035 – 1234", "94035")]
    [InlineData("940351234", "94035")]
    [InlineData("M1 1AE", "m11ae")]
    [InlineData("sw1a-1aa", "sw1a1aa")]
    [InlineData("1987", "1987")]
    [InlineData("75018", "75018")]
    [InlineData("01310-100", "01310100")]
    [InlineData("100-0001", "1000001")]
    public void Postal_codes_lose_spaces_and_dashes_and_US_codes_keep_five_digits(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("zp", raw));

    [Theory]
    [InlineData("United States", "us")]
    [InlineData("USA", "us")]
    [InlineData("U.S.A.", "us")]
    [InlineData("us", "us")]
    [InlineData("United Kingdom", "gb")]
    [InlineData("UK", "gb")]
    [InlineData("GBR", "gb")]
    [InlineData("Deutschland", "de")]
    [InlineData("AUT", "at")]
    [InlineData("Austria", "at")]
    [InlineData("Australia", "au")]
    [InlineData("Côte d’Ivoire", "ci")]
    [InlineData("Cote d'Ivoire", "ci")]
    [InlineData("South Korea", "kr")]
    [InlineData("Türkiye", "tr")]
    [InlineData("Viet Nam", "vn")]
    [InlineData("fr", "fr")]
    public void Countries_become_lower_case_alpha_2(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("country", raw));

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("XX")]
    [InlineData("Schweizerland")]
    [InlineData("ZZZ")]
    public void Unknown_countries_are_rejected(string raw) =>
        Assert.Equal(NormalizationFailure.Unrecognized, Normalize.Failure("country", raw));

    [Fact]
    public void Every_ISO_3166_alpha_2_code_that_libphonenumber_knows_is_a_country()
    {
        foreach (string region in PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions())
        {
            // libphonenumber also lists XK (Kosovo, user-assigned) and AC/TA (not ISO 3166-1 codes).
            if (region is "XK" or "AC" or "TA")
            {
                continue;
            }

            Assert.Equal(region.ToLowerInvariant(), Normalize.Value("country", region));
        }
    }
}
