namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta gives no rule for <c>external_id</c> beyond "the same value on every channel". CapiKit follows
/// Meta's parameter builder (used by its newest Node.js SDK and its browser library): lower case, no white
/// space anywhere, then hashed. The browser and the server then hash the same bytes.
/// </summary>
internal sealed class ExternalIdRule : NormalizationRule
{
    public override string Name => "external_id";

    // IDs are opaque; Meta documents no limit, so this only stops runaway input.
    public override int MaxInputLength => 1024;

    public override RuleOutcome Apply(string input, NormalizationOptions options) =>
        RuleOutcome.Ok(PiiText.RemoveWhiteSpace(PiiText.Fold(input)));

    public override int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination)
    {
        // The same test as RemoveWhiteSpace: it removes white space only from text that has one of its characters.
        bool removeWhiteSpace = PiiText.HasWhiteSpace(input);
        int length = 0;
        foreach (char c in input)
        {
            if (!removeWhiteSpace || !char.IsWhiteSpace(c))
            {
                destination[length++] = (byte)AsciiText.Lower(c);
            }
        }

        return length > 0 ? length : -1;
    }
}
