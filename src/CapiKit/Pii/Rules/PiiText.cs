using System.Text;
using CapiKit.Pii.Text;

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
    /// "Σ" becomes "ς". Both steps use CapiKit's own Unicode tables, never ICU or .NET's culture data, so the
    /// result is the same under <c>InvariantGlobalization=true</c> and NativeAOT as on a developer's machine.
    /// </summary>
    public static string Fold(string text) =>
        UnicodeNormalization.ToNfc(UnicodeCasing.ToLower(UnicodeNormalization.ToNfc(text)));

    /// <summary>
    /// Keeps letters (and decimal digits when asked) with the combining marks that belong to them; drops the
    /// rest: punctuation, symbols and emoji, white space, invisible characters (variation selectors, zero-width
    /// joiners, format characters) and marks whose base character was dropped or that have no base at all.
    /// </summary>
    public static string KeepLetters(string folded, bool keepDigits = false)
    {
        StringBuilder? kept = null;
        int index = 0;
        bool baseKept = false;
        foreach (Rune rune in folded.EnumerateRunes())
        {
            CharClass charClass = UnicodeTables.GetClass(rune.Value);
            bool keep;
            if ((charClass & CharClass.Ignorable) != 0)
            {
                keep = false;
            }
            else if ((charClass & CharClass.Mark) != 0)
            {
                keep = baseKept;
            }
            else
            {
                keep = (charClass & CharClass.Letter) != 0 || (keepDigits && (charClass & CharClass.Digit) != 0);
                baseKept = keep;
            }

            if (!keep && kept is null)
            {
                kept = new StringBuilder(folded.Length).Append(folded, 0, index);
            }
            else if (keep && kept is not null)
            {
                kept.Append(folded, index, rune.Utf16SequenceLength);
            }

            index += rune.Utf16SequenceLength;
        }

        return kept?.ToString() ?? folded;
    }

    /// <summary>
    /// The first <paramref name="count"/> letters of normalized text, a letter being a base character with the
    /// combining marks that follow it, so an accent is never cut from its letter.
    /// </summary>
    public static string FirstLetters(string text, int count)
    {
        int letters = 0;
        int index = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (!UnicodeTables.Has(rune.Value, CharClass.Mark) && ++letters > count)
            {
                return text[..index];
            }

            index += rune.Utf16SequenceLength;
        }

        return text;
    }

    /// <summary>A lookup key: accents removed, ASCII letters only (<c>"Côte d'Ivoire"</c> becomes <c>cotedivoire</c>).</summary>
    public static string AsciiLetterKey(string text)
    {
        string decomposed = UnicodeNormalization.ToNfd(text);
        StringBuilder key = new(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (char.IsAsciiLetter(c))
            {
                key.Append((char)(c | 0x20));
            }
        }

        return key.ToString();
    }

    /// <summary>
    /// Like <see cref="AsciiLetterKey"/>, but every character other than a letter, a combining mark, an
    /// apostrophe or a dot becomes a space, so the words of a name can still be told apart.
    /// </summary>
    public static string AsciiLetterKeyWithSpaces(string text)
    {
        string decomposed = UnicodeNormalization.ToNfd(text);
        StringBuilder key = new(decomposed.Length);
        foreach (Rune rune in decomposed.EnumerateRunes())
        {
            int c = rune.Value;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                key.Append((char)(c | 0x20));
            }
            else if (c is not ('\'' or '.' or '\u2019' or '\u02BB' or '\u02BC') && !UnicodeTables.Has(c, CharClass.Mark))
            {
                key.Append(' ');
            }
        }

        return key.ToString();
    }

    /// <summary>Removes every white-space character, inside the text too.</summary>
    public static string RemoveWhiteSpace(string text)
    {
        if (!HasWhiteSpace(text))
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

    /// <summary>Whether the text has a character <see cref="RemoveWhiteSpace"/> looks for.</summary>
    public static bool HasWhiteSpace(ReadOnlySpan<char> text) => text.ContainsAny(WhiteSpace);

    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(
        "\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");
}
