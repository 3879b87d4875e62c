using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class PhoneNormalizationTests
{
    [Theory]
    [InlineData("+1 (650) 555-1212", null, "16505551212")]
    [InlineData("+1 (650) 555-1212", "GB", "16505551212")]
    [InlineData("(650)555-1212", "US", "16505551212")]
    [InlineData("650.555.1212", "us", "16505551212")]
    [InlineData("1-650-555-1212", "US", "16505551212")]
    [InlineData("16505551212", null, "16505551212")]
    [InlineData("0044 20 7946 0958", null, "442079460958")]
    [InlineData("0044 20 7946 0958", "US", "442079460958")]
    [InlineData("+44 (0)20 7946 0958", null, "442079460958")]
    [InlineData("020 7946 0958", "GB", "442079460958")]
    [InlineData("011 44 20 7946 0958", "US", "442079460958")]
    [InlineData("650-555-1212 ext 5", "US", "16505551212")]
    [InlineData("+1 650 555 1212 x123", null, "16505551212")]
    [InlineData("+39 06 1234 5678", null, "390612345678")]
    [InlineData("030 123456", "DE", "4930123456")]
    [InlineData("+49 (0) 30 123456", "US", "4930123456")]
    [InlineData("06 12 34 56 78", "FR", "33612345678")]
    [InlineData("+33 6 12 34 56 78", "DE", "33612345678")]
    [InlineData("6505551212", "US", "16505551212")]
    [InlineData("07911123456", "GB", "447911123456")]
    [InlineData("912345678", "ES", "34912345678")]
    [InlineData("015123456789", "DE", "4915123456789")]
    [InlineData("0612345678", "IT", "390612345678")]
    [InlineData("9876543210", "IN", "919876543210")]
    public void Numbers_become_digits_with_their_country_code(string raw, string? region, string expected) =>
        Assert.Equal(expected, Normalize.Value("ph", raw, region));

    [Theory]
    [InlineData("(650)555-1212")]
    [InlineData("6505551212")]
    [InlineData("020 7946 0958")]
    public void A_number_without_country_code_and_without_region_is_reported(string raw) =>
        Assert.Equal(NormalizationFailure.MissingCountryCode, Normalize.Failure("ph", raw));

    [Theory]
    [InlineData("123", "US")]
    [InlineData("+1 123", null)]
    [InlineData("not a phone", "US")]
    [InlineData("+999 1234 5678", null)]
    public void Invalid_numbers_are_rejected(string raw, string? region) =>
        Assert.Equal(NormalizationFailure.Unrecognized, Normalize.Failure("ph", raw, region));

    [Theory]
    [InlineData("USA")]
    [InlineData("XX")]
    [InlineData("1")]
    public void An_unknown_default_region_is_an_invalid_option(string region) =>
        Assert.Equal(NormalizationFailure.InvalidOption, Normalize.Failure("ph", "650 555 1212", region));

    [Theory]
    [InlineData("2037196468", "US", "12037196468")]       // not +20 (Egypt) 37196468
    [InlineData("2125551234", "US", "12125551234")]       // not +212 (Morocco)
    [InlineData("4155550123", "CA", "14155550123")]
    [InlineData("3312345678", "IT", "393312345678")]      // not +33 (France)
    [InlineData("442079460958", "GB", "442079460958")]    // no valid UK national number: the digits carry +44
    [InlineData("16505551212", "US", "16505551212")]      // the region's own country code in front
    public void Bare_digits_are_a_national_number_of_the_region_first(string raw, string region, string expected) =>
        Assert.Equal(expected, Normalize.Value("ph", raw, region));

    [Theory]
    [InlineData("+001 (616) 954-78 88", null, "16169547888")]
    [InlineData("+0044 20 7946 0958", "US", "442079460958")]
    [InlineData("000 44 20 7946 0958", null, "442079460958")]
    [InlineData("016505551212", null, "16505551212")]
    public void Leading_zeros_before_the_country_code_are_removed(string raw, string? region, string expected) =>
        Assert.Equal(expected, Normalize.Value("ph", raw, region));

    [Fact]
    public void Normalized_numbers_normalize_to_themselves_without_a_region()
    {
        string[] normalized = ["16505551212", "442079460958", "390612345678", "4930123456", "33612345678", "819012345678"];
        foreach (string number in normalized)
        {
            Assert.Equal(number, Normalize.Value("ph", number));
        }
    }
}
