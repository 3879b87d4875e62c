namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: lower case, no spaces and no dash; US codes use only their first five digits. Every character but
/// letters and digits is removed (a UK <c>M1 1AE</c> becomes <c>m11ae</c>, Meta's own example). Nine digits
/// are a US ZIP+4 however they were written (<c>94035-1234</c>, <c>940351234</c>) and are cut to five; no
/// other country has nine-digit postal codes.
/// </summary>
internal sealed class PostalCodeRule : NormalizationRule
{
    private const int ZipPlusFourLength = 9;
    private const int ZipLength = 5;

    // The shortest postal codes in use have three characters (Iceland, the Faroes, Lesotho, Guinea).
    private const int MinLength = 3;

    public override string Name => "postal_code";

    // The longest postal codes, with their spaces, are far shorter.
    public override int MaxInputLength => 32;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string code = PiiText.KeepLetters(PiiText.Fold(input), keepDigits: true);
        if (code.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the postal code has no letters or digits");
        }

        if (code.Length < MinLength)
        {
            return RuleOutcome.Fail(NormalizationFailure.InvalidFormat, $"a postal code has at least {MinLength} letters or digits");
        }

        return RuleOutcome.Ok(IsZipPlusFour(code) ? code[..ZipLength] : code);
    }

    public override int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination)
    {
        int length = AsciiText.LowerLetters(input, destination, keepDigits: true);
        if (length < MinLength)
        {
            return -1;
        }

        return length == ZipPlusFourLength && !destination[..length].ContainsAnyExceptInRange((byte)'0', (byte)'9') ? ZipLength : length;
    }

    private static bool IsZipPlusFour(string code) =>
        code.Length == ZipPlusFourLength && !code.AsSpan().ContainsAnyExceptInRange('0', '9');
}
