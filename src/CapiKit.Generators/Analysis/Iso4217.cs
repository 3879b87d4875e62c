using System;
using System.Collections.Generic;
using System.Linq;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// ISO 4217 currency codes for CAPI006: membership and the near-miss suggestion. The codes are the schema's.
/// </summary>
internal static class Iso4217
{
    /// <summary>The schema's list (<c>currencies.codes</c>), the same one the run-time pre-flight checks.</summary>
    private static HashSet<string> Codes => PayloadFacts.Instance?.Currencies ?? Empty;

    private static readonly HashSet<string> Empty = new(StringComparer.Ordinal);

    /// <summary>
    /// One of the schema's codes, in any case, as the pre-flight reads it: shops send "usd" and Meta takes it (the
    /// real-world corpus has several that do), so a lower-case code is no mistake. CapiKit's own writers upper-case it.
    /// </summary>
    public static bool IsCode(string text) => Codes.Contains(text.ToUpperInvariant());

    /// <summary>The code a near miss most likely meant: the same letters upper-cased, or one letter off; else null.</summary>
    public static string? Suggest(string text)
    {
        string upper = text.Trim().ToUpperInvariant();
        if (Codes.Contains(upper))
        {
            return upper;
        }

        if (upper.Length != 3)
        {
            return null;
        }

        string[] close = Codes.Where(code => code.Where((c, i) => c != upper[i]).Count() == 1).ToArray();
        return close.Length == 1 ? close[0] : null;
    }
}
