using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class OtherKeyNormalizationTests
{
    [Theory]
    [InlineData("F", "f")]
    [InlineData("female", "f")]
    [InlineData(" Woman ", "f")]
    [InlineData("m", "m")]
    [InlineData("MALE", "m")]
    [InlineData("Man", "m")]
    public void Gender_becomes_f_or_m(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("ge", raw));

    [Theory]
    [InlineData("x")]
    [InlineData("non-binary")]
    [InlineData("unknown")]
    public void Other_genders_are_not_guessed(string raw) =>
        Assert.Equal(NormalizationFailure.Unrecognized, Normalize.Failure("ge", raw));

    [Theory]
    [InlineData("User-123 ABC", "user-123abc")]
    [InlineData("  cust_42  ", "cust_42")]
    [InlineData("A1B2C3", "a1b2c3")]
    public void External_ids_lose_case_and_white_space_like_Metas_parameter_builder(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("external_id", raw));

    [Fact]
    public void App_user_id_is_trimmed_and_lower_cased() =>
        Assert.Equal("user 42", Normalize.Value("app_user_id", "  USER 42 "));
}
