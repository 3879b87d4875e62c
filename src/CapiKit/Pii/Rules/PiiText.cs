using System.Globalization;
using System.Text;

namespace CapiKit.Pii.Rules;

/// <summary>Unicode steps the rules share. Meta hashes UTF-8 bytes, so two spellings of "é" must become one.</summary>
internal static class PiiText
{
    /// <summary>True unless the text has an unpaired surrogate, which has no UTF-8 encoding.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Composed (NFC) and lower-cased as JavaScript, Python and Java lower-case, the languages of Meta's SDKs and
    /// of the browser Pixel: Unicode's full mapping, where "İ" becomes "i" and a combining dot and a word-final
    /// "Σ" becomes "ς". .NET's invariant lower-casing uses the simple mapping and keeps "İ" as it is, which
    /// would hash Turkish and Greek names differently from every other Meta client.
    /// </summary>
    public static string Fold(string text)
    {
        string composed = text.Normalize(NormalizationForm.FormC);
        string lower = composed.AsSpan().ContainsAny(SpecialUpper)
            ? LowerWithSpecialCasing(composed)
            : composed.ToLowerInvariant();
        return lower.Normalize(NormalizationForm.FormC);
    }

    private const char CapitalIWithDot = '\u0130';
    private const char CapitalSigma = '\u03A3';
    private static readonly System.Buffers.SearchValues<char> SpecialUpper = System.Buffers.SearchValues.Create([CapitalIWithDot, CapitalSigma]);

    private static string LowerWithSpecialCasing(string text)
    {
        StringBuilder lower = new(text.Length + 4);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == CapitalIWithDot)
            {
                lower.Append("i\u0307");
            }
            else if (c == CapitalSigma)
            {
                // Final_Sigma: after a letter and not before one.
                bool afterLetter = i > 0 && char.IsLetter(text[i - 1]);
                bool beforeLetter = i + 1 < text.Length && char.IsLetter(text[i + 1]);
                lower.Append(afterLetter && !beforeLetter ? '\u03C2' : '\u03C3');
            }
            else
            {
                lower.Append(char.ToLowerInvariant(c));
            }
        }

        return lower.ToString();
    }

    /// <summary>Keeps letters and combining marks (and decimal digits when asked); drops everything else.</summary>
    public static string KeepLetters(string folded, bool keepDigits = false)
    {
        StringBuilder? kept = null;
        int index = 0;
        foreach (Rune rune in folded.EnumerateRunes())
        {
            bool keep = IsLetterOrMark(rune) || (keepDigits && Rune.IsDigit(rune));
            if (!keep && kept is null)
            {
                kept = new StringBuilder(folded.Length).Append(folded, 0, index);
            }
            else if (keep && kept is not null)
            {
                kept.Append(rune.ToString());
            }

            index += rune.Utf16SequenceLength;
        }

        return kept?.ToString() ?? folded;
    }

    /// <summary>A lookup key: accents removed, ASCII letters only (<c>"Côte d'Ivoire"</c> becomes <c>cotedivoire</c>).</summary>
    public static string AsciiLetterKey(string text)
    {
        string decomposed = text.Normalize(NormalizationForm.FormD);
        StringBuilder key = new(decomposed.Length);
        foreach (char c in decomposed)
        {
            char lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z')
            {
                key.Append(lower);
            }
        }

        return key.ToString();
    }

    /// <summary>Removes every white-space character, inside the text too.</summary>
    public static string RemoveWhiteSpace(string text)
    {
        if (!text.AsSpan().ContainsAny(WhiteSpace))
        {
            return text;
        }

        StringBuilder kept = new(text.Length);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static bool IsLetterOrMark(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
