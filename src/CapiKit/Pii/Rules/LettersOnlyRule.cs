namespace CapiKit.Pii.Rules;

/// <summary>
/// Names and cities. Meta: lower case, no punctuation, no special characters, no spaces; accented and non-Latin
/// letters are kept and hashed as UTF-8. Digits are dropped too: they belong to neither, and a stray one
/// would keep the hash from ever matching.
/// </summary>
internal sealed class LettersOnlyRule(string name, string what) : NormalizationRule
{
    public override string Name => name;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string letters = PiiText.KeepLetters(PiiText.Fold(input));
        return letters.Length == 0
            ? RuleOutcome.Fail(NormalizationFailure.Empty, $"the {what} has no letters")
            : RuleOutcome.Ok(letters);
    }

    public override int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination)
    {
        int length = AsciiText.LowerLetters(input, destination);
        return length > 0 ? length : -1;
    }
}
