using System.Text;

namespace CapiKit.Pii.Text;

/// <summary>
/// Unicode's full lower-case mapping, language-neutral, as JavaScript's <c>toLowerCase</c>, Python's
/// <c>lower</c> and Java's <c>toLowerCase(Locale.ROOT)</c> apply it (the languages of Meta's SDKs and Pixel):
/// SpecialCasing's unconditional mappings ("İ" to "i" + combining dot) and the Final_Sigma condition. From
/// CapiKit's own tables, so the result does not depend on ICU or the globalization mode.
/// </summary>
internal static class UnicodeCasing
{
    private const int CapitalSigma = 0x03A3;
    private const int SmallSigma = 0x03C3;
    private const int SmallFinalSigma = 0x03C2;

    public static string ToLower(string text)
    {
        // ASCII has one lower-case mapping in every mode and culture; .NET's returns the same string when
        // nothing changes, and allocates once otherwise.
        if (!text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return text.ToLowerInvariant();
        }

        int first = IndexOfFirstChange(text);
        if (first < 0)
        {
            return text;
        }

        StringBuilder lower = new StringBuilder(text.Length + 4).Append(text, 0, first);
        int index = first;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out int consumed);
            int codePoint = rune.Value;
            ReadOnlySpan<int> full = UnicodeTables.GetFullLowercase(codePoint);
            if (!full.IsEmpty)
            {
                foreach (int mapped in full)
                {
                    lower.AppendCodePoint(mapped);
                }
            }
            else if (codePoint == CapitalSigma)
            {
                lower.AppendCodePoint(IsFinalSigma(text, index, consumed) ? SmallFinalSigma : SmallSigma);
            }
            else
            {
                lower.AppendCodePoint(UnicodeTables.GetSimpleLowercase(codePoint));
            }

            index += consumed;
        }

        return lower.ToString();
    }

    private static int IndexOfFirstChange(string text)
    {
        for (int index = 0; index < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out Rune rune, out int consumed);
            int codePoint = rune.Value;
            if (codePoint == CapitalSigma || UnicodeTables.GetSimpleLowercase(codePoint) != codePoint
                || (codePoint >= 0x80 && !UnicodeTables.GetFullLowercase(codePoint).IsEmpty))
            {
                return index;
            }

            index += consumed;
        }

        return -1;
    }

    /// <summary>
    /// Final_Sigma: a cased letter comes before (case-ignorable characters between allowed) and none after.
    /// </summary>
    private static bool IsFinalSigma(string text, int index, int length)
    {
        bool casedBefore = false;
        for (int i = index; i > 0;)
        {
            Rune.DecodeLastFromUtf16(text.AsSpan(0, i), out Rune before, out int consumed);
            i -= consumed;
            if (!UnicodeTables.Has(before.Value, CharClass.CaseIgnorable))
            {
                casedBefore = UnicodeTables.Has(before.Value, CharClass.Cased);
                break;
            }
        }

        if (!casedBefore)
        {
            return false;
        }

        for (int i = index + length; i < text.Length;)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out Rune after, out int consumed);
            i += consumed;
            if (!UnicodeTables.Has(after.Value, CharClass.CaseIgnorable))
            {
                return !UnicodeTables.Has(after.Value, CharClass.Cased);
            }
        }

        return true;
    }
}
