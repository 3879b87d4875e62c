using CapiKit.Pii.Data;

namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: the lower-case ISO 3166-1 alpha-2 code. Alpha-2 and alpha-3 codes, English names (ISO's short names with and
/// without their qualifiers) and common aliases ("USA", "UK", "South Korea") are recognized whatever their case,
/// accents or punctuation; anything
/// else is rejected rather than truncated to two letters, which is what Meta's parameter builder does
/// ("AUT" to "au", Australia, for Austria).
/// </summary>
internal sealed class CountryRule : NormalizationRule
{
    public override string Name => "country";

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        if (PiiText.AsciiLetterKey(input).Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the country has no letters");
        }

        return Countries.TryFind(input, out string? alpha2)
            ? RuleOutcome.Ok(alpha2)
            : RuleOutcome.Fail(NormalizationFailure.Unrecognized, "not an ISO 3166-1 country code or a known country name");
    }

    // Settles codes and plain names (whose letters are their key); inverted names and unknown text take Apply.
    public override int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination)
    {
        int length = AsciiText.LowerLetters(input, destination);
        return length > 0 && AsciiText.TryPack(destination[..length], out ulong key) && Countries.TryFind(key, out string? alpha2)
            ? AsciiText.Write(alpha2, destination)
            : -1;
    }
}
