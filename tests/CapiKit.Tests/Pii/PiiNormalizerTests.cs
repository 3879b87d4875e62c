using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class PiiNormalizerTests
{
    private const string SecretEmail = "Secret.Person@Example.com";

    [Fact]
    public void An_unknown_key_is_reported_as_such() =>
        Assert.Equal(NormalizationFailure.UnknownField, Normalize.Failure("email", "a@b.co"));

    [Theory]
    [InlineData("client_ip_address")]
    [InlineData("client_user_agent")]
    [InlineData("fbc")]
    [InlineData("fbp")]
    [InlineData("madid")]
    [InlineData("anon_id")]
    [InlineData("lead_id")]
    public void Keys_Meta_needs_raw_are_never_hashed(string field) =>
        Assert.Equal(NormalizationFailure.NotHashed, Normalize.Failure(field, "value"));

    [Fact]
    public void Text_with_an_unpaired_surrogate_is_reported_not_thrown() =>
        Assert.Equal(NormalizationFailure.MalformedText, Normalize.Failure("fn", "Ma\uD800ry"));

    [Fact]
    public void Neither_results_nor_errors_reveal_the_raw_or_normalized_value()
    {
        NormalizationResult ok = PiiNormalizer.Normalize("em", SecretEmail);
        NormalizationResult bad = PiiNormalizer.Normalize("em", "Secret.Person@");

        Assert.True(ok.Succeeded);
        Assert.DoesNotContain("secret", ok.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", bad.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", bad.Error!.Message, StringComparison.OrdinalIgnoreCase);
        InvalidOperationException thrown = Assert.Throws<InvalidOperationException>(() => bad.ComputeHash());
        Assert.DoesNotContain("secret", thrown.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void NormalizeAndHash_gives_hex_or_null_for_hand_built_payloads()
    {
        Assert.Equal("62a14e44f765419d10fea99367361a727c12365e2520f32218d505ed9aa0f62f", PiiNormalizer.NormalizeAndHash("em", "John_Smith@gmail.com"));
        Assert.Null(PiiNormalizer.NormalizeAndHash("em", "not-an-email"));
        Assert.Null(PiiNormalizer.NormalizeAndHash("em", null));
        Assert.Null(PiiNormalizer.NormalizeAndHash("client_ip_address", "1.2.3.4"));
    }

    [Fact]
    public void Multi_value_keys_are_deduplicated_after_hashing_in_first_seen_order()
    {
        HashedValues hashed = PiiNormalizer.HashAll("em", [" A@Example.com", "b@example.com", "a@example.COM ", "not-an-email", null]);

        Assert.Equal(
            [Sha256Hash.Compute("a@example.com"), Sha256Hash.Compute("b@example.com")],
            hashed.Hashes);
        Assert.Equal([NormalizationFailure.InvalidFormat, NormalizationFailure.Empty], hashed.Errors.Select(e => e.Reason));
        Assert.False(hashed.AllSucceeded);
    }

    [Fact]
    public void Phone_numbers_written_differently_hash_once()
    {
        HashedValues hashed = PiiNormalizer.HashAll("ph", ["(650) 555-1212", "+1 650 555 1212", "650.555.1212"], new NormalizationOptions { DefaultRegion = "US" });

        Assert.Single(hashed.Hashes);
        Assert.True(hashed.AllSucceeded);
    }

    [Fact]
    public void Every_hashed_key_of_the_schema_has_a_rule_and_every_raw_key_has_none()
    {
        Assert.NotEmpty(PiiNormalizer.Keys);
        foreach (UserDataKey key in PiiNormalizer.Keys)
        {
            Assert.Equal(key.IsHashed, key.Normalization is not null);
        }

        Assert.Equal(
            ["country", "ct", "db", "em", "external_id", "fn", "ge", "ln", "ph", "st", "zp"],
            PiiNormalizer.Keys.Where(k => !k.Name.StartsWith("f5", StringComparison.Ordinal) && k.Name is not ("fi" or "dobd" or "dobm" or "doby" or "app_user_id") && k.IsHashed)
                .Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fn", 257)]
    [InlineData("ct", 1_000_000)]
    [InlineData("em", 513)]
    [InlineData("ph", 251)]
    [InlineData("zp", 33)]
    [InlineData("db", 65)]
    [InlineData("external_id", 1025)]
    public void Values_longer_than_their_key_allows_are_rejected_before_any_work(string field, int length)
    {
        NormalizationResult result = PiiNormalizer.Normalize(field, new string('a', length - 1) + "@");
        Assert.False(result.Succeeded);
        Assert.Equal(NormalizationFailure.InvalidFormat, result.Error!.Reason);
        Assert.Contains("at most", result.Error.Message, StringComparison.Ordinal);
    }
}
