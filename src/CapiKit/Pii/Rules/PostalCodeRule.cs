using System.Text;

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

    public override string Name => "postal_code";

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string folded = PiiText.Fold(input);
        StringBuilder kept = new(folded.Length);
        foreach (char c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                kept.Append(c);
            }
        }

        if (kept.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the postal code has no letters or digits");
        }

        string code = kept.ToString();
        return RuleOutcome.Ok(IsZipPlusFour(code) ? code[..ZipLength] : code);
    }

    private static bool IsZipPlusFour(string code) =>
        code.Length == ZipPlusFourLength && !code.AsSpan().ContainsAnyExceptInRange('0', '9');
}
