using CapiKit.Pii.Data;

namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: the lower-case ISO 3166-1 alpha-2 code. Alpha-2 and alpha-3 codes, English names and common
/// aliases ("USA", "UK", "South Korea") are recognized whatever their case, accents or punctuation; anything
/// else is rejected rather than truncated to two letters, which is what Meta's parameter builder does
/// ("AUT" to "au", Australia, for Austria).
/// </summary>
internal sealed class CountryRule : NormalizationRule
{
    public override string Name => "country";

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string key = PiiText.AsciiLetterKey(input);
        if (key.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the country has no letters");
        }

        return Countries.TryGetAlpha2(key, out string? alpha2)
            ? RuleOutcome.Ok(alpha2)
            : RuleOutcome.Fail(NormalizationFailure.Unrecognized, "not an ISO 3166-1 country code or a known country name");
    }
}
