using System.Globalization;

namespace CapiKit.Pii.Rules;

/// <summary>
/// The SDK-only keys <c>f5first</c>, <c>f5last</c> and <c>fi</c>: the first letters of a normalized name.
/// Letters are counted as text elements so an accent is never cut from its letter.
/// </summary>
internal sealed class NamePrefixRule(string name, int letters, NormalizationRule nameRule) : NormalizationRule
{
    public override string Name => name;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        RuleOutcome normalized = nameRule.Apply(input, options);
        if (normalized.Value is null)
        {
            return normalized;
        }

        StringInfo text = new(normalized.Value);
        return RuleOutcome.Ok(text.LengthInTextElements <= letters ? normalized.Value : text.SubstringByTextElements(0, letters));
    }
}
