using System.Text.RegularExpressions;
using CapiKit.Pii;
using CsCheck;

namespace CapiKit.Tests.Pii;

/// <summary>
/// Properties every normalizer must have, on any Unicode string: it never throws; normalizing its own output
/// changes nothing; and a value it accepts hashes to 64 lower-case hex digits, the SHA-256 of the UTF-8 output.
/// </summary>
public sealed partial class NormalizationPropertyTests
{
    private const long Iterations = 20_000;

    private static readonly string[] HashedKeys =
        PiiNormalizer.Keys.Where(k => k.IsHashed).Select(k => k.Name).ToArray();

    private static readonly string?[] Regions = [null, "US", "GB", "DE", "IN", "BR"];

    // Any UTF-16 text (unpaired surrogates included), and text made of the pieces real input is made of, so
    // that most samples get past the first check of a rule instead of failing it the same way every time.
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String[Gen.Char, 0, 40],
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.-+() /,'_éÉßİı정東ψΣ\u0301\u00A0\t"], 0, 30],
        Gen.OneOf(Gen.Const("+1 (650) 555-1212"), Gen.Const("0044 20 7946 0958"), Gen.Const("2/16/1997"), Gen.Const("Feb 16 1997"),
                  Gen.Const("John_Smith@gmail.com"), Gen.Const("94035-1234"), Gen.Const("Côte d'Ivoire"), Gen.Const("New York"))
            .SelectMany(s => Gen.String[Gen.Char["0123456789 -./+"], 0, 4].Select(suffix => s + suffix)));

    private static readonly Gen<(string Key, string Text, string? Region)> Samples =
        Gen.Select(Gen.OneOf(HashedKeys), AnyText, Gen.OneOf(Regions));

    [Fact]
    public void Normalization_never_throws() =>
        Samples.Sample((key, text, region) =>
        {
            _ = PiiNormalizer.Normalize(key, text, Normalize.Options(region));
        }, iter: Iterations);

    [Fact]
    public void Normalization_is_idempotent() =>
        Samples.Sample((key, text, region) =>
        {
            NormalizationResult once = PiiNormalizer.Normalize(key, text, Normalize.Options(region));
            if (once.Succeeded)
            {
                // A normalized phone number is E.164 digits, which a default region would read as a national
                // number first (Meta's meaning of digits without "+"): it is idempotent as international input.
                string? regionAgain = key == "ph" ? null : region;
                NormalizationResult twice = PiiNormalizer.Normalize(key, once.Value, Normalize.Options(regionAgain));
                Assert.Equal(once.Value, twice.Value);
            }
        }, iter: Iterations);

    [Fact]
    public void Accepted_values_hash_to_64_lower_case_hex_of_their_UTF8_bytes() =>
        Samples.Sample((key, text, region) =>
        {
            NormalizationResult result = PiiNormalizer.Normalize(key, text, Normalize.Options(region));
            if (result.TryComputeHash(out Sha256Hash hash))
            {
                string hex = hash.ToString();
                Assert.Matches(LowerHex(), hex);
                Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(result.Value!))), hex);
            }
        }, iter: Iterations);

    [Fact]
    public void Rejections_never_quote_the_input() =>
        Gen.Select(Gen.OneOf(HashedKeys), Gen.String[Gen.Char['a', 'z'], 12, 20]).Sample((key, text) =>
        {
            NormalizationResult result = PiiNormalizer.Normalize(key, "#" + text + "#");
            if (!result.Succeeded)
            {
                Assert.DoesNotContain(text, result.Error!.Message, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(text, result.ToString(), StringComparison.OrdinalIgnoreCase);
            }
        }, iter: Iterations);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex LowerHex();
}
