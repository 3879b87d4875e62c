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
    [InlineData("Qu\u00E9bec", "qc")]
    [InlineData("Quebec", "qc")]
    [InlineData("Que\u0301bec", "qc")]
    [InlineData("QC", "qc")]
    [InlineData("Ontario", "on")]
    [InlineData("Nouvelle-\u00C9cosse", "ns")]
    [InlineData("Calif.", "ca")]
    [InlineData("Fla.", "fl")]
    [InlineData("Tex.", "tx")]
    [InlineData("Pa.", "pa")]
    [InlineData("Mass.", "ma")]
    [InlineData("W. Va.", "wv")]
    [InlineData("N. Dak.", "nd")]
    [InlineData("D.C.", "dc")]
    [InlineData("Ca\u0301lifornia", "ca")]
    [InlineData("Baden-W\u00FCrttemberg", "badenw\u00FCrttemberg")]
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
    [InlineData("101", "101")]
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
    [InlineData("Korea, Republic of", "kr")]
    [InlineData("Korea (the Republic of)", "kr")]
    [InlineData("Korea, Democratic People's Republic of", "kp")]
    [InlineData("Bolivia (Plurinational State of)", "bo")]
    [InlineData("Iran (Islamic Republic of)", "ir")]
    [InlineData("Venezuela (Bolivarian Republic of)", "ve")]
    [InlineData("Tanzania, United Republic of", "tz")]
    [InlineData("Congo, The Democratic Republic of the", "cd")]
    [InlineData("Congo (the)", "cg")]
    [InlineData("Virgin Islands, U.S.", "vi")]
    [InlineData("Virgin Islands (British)", "vg")]
    [InlineData("Falkland Islands (the) [Malvinas]", "fk")]
    [InlineData("Netherlands (Kingdom of the)", "nl")]
    [InlineData("Bahamas (the)", "bs")]
    [InlineData("United States of America (the)", "us")]
    [InlineData("Moldova, Republic of", "md")]
    [InlineData("Palestine, State of", "ps")]
    [InlineData("Micronesia (Federated States of)", "fm")]
    [InlineData("St. Lucia", "lc")]
    [InlineData("St Kitts & Nevis", "kn")]
    [InlineData("Trinidad & Tobago", "tt")]
    [InlineData("Tu\u0308rkiye", "tr")]
    [InlineData("Cura\u00E7ao", "cw")]
    [InlineData("R\u00E9union", "re")]
    [InlineData("S\u00E3o Tom\u00E9 and Pr\u00EDncipe", "st")]
    [InlineData("Saint Barth\u00E9lemy", "bl")]
    [InlineData("DEU", "de")]
    [InlineData("Czech Republic", "cz")]
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

    [Theory]
    [InlineData("1")]
    [InlineData("A-1")]
    [InlineData("12")]
    public void Postal_codes_shorter_than_any_country_uses_are_rejected(string raw) =>
        Assert.Equal(NormalizationFailure.InvalidFormat, Normalize.Failure("zp", raw));
}
