namespace CapiKit.Pii.Rules;

/// <summary>
/// The SDK-only keys <c>f5first</c>, <c>f5last</c> and <c>fi</c>: the first letters of a normalized name.
/// A letter counts with its combining marks, so an accent is never cut from it.
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

        return RuleOutcome.Ok(PiiText.FirstLetters(normalized.Value, letters));
    }
}
