using CapiKit.Pii.Data;

namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: US states as their two-letter ANSI code in lower case; elsewhere lower case without punctuation,
/// special characters or spaces. US states and territories and Canadian provinces and territories (names,
/// codes, dotted abbreviations, accented or not) become their code, as Meta's parameter builder maps them;
/// other text is kept as letters, because guessing a code for another region (as the parameter builder does,
/// "Bayern" to "ba") produces a hash that matches nobody.
/// </summary>
internal sealed class StateRule : NormalizationRule
{
    public override string Name => "state";

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string letters = PiiText.KeepLetters(PiiText.Fold(input));
        if (letters.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the state has no letters");
        }

        return RuleOutcome.Ok(StateCodes.TryGetCode(PiiText.AsciiLetterKey(letters), out string? code) ? code : letters);
    }

    // For ASCII, the letters are their own lookup key.
    public override int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination)
    {
        int length = AsciiText.LowerLetters(input, destination);
        if (length == 0 || !AsciiText.TryPack(destination[..length], out ulong key))
        {
            return -1;
        }

        return StateCodes.TryGetCode(key, out string? code) ? AsciiText.Write(code, destination) : length;
    }
}
