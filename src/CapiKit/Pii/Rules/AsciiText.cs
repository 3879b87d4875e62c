namespace CapiKit.Pii.Rules;

/// <summary>
/// The rules' steps for text that is all ASCII, on spans. For ASCII, composing (NFC) changes nothing, lower-casing
/// is <c>A-Z</c> to <c>a-z</c> in every mode and culture, the only letters are <c>A-Z</c> and <c>a-z</c>, the only
/// decimal digits <c>0-9</c>, and no character is a combining mark or invisible: so these are the full rules'
/// results, written straight out as UTF-8 without a string in between.
/// </summary>
internal static class AsciiText
{
    /// <summary>
    /// Packed keys hold five bits per letter in a 64-bit word, so up to twelve letters; longer keys take the
    /// string lookup.
    /// </summary>
    public const int MaxPackedLetters = 12;

    /// <summary>Writes the letters (and digits when asked) of <paramref name="input"/>, lower-cased; returns how many.</summary>
    public static int LowerLetters(ReadOnlySpan<char> input, Span<byte> destination, bool keepDigits = false)
    {
        int written = 0;
        foreach (char c in input)
        {
            if (char.IsAsciiLetter(c))
            {
                destination[written++] = (byte)(c | 0x20);
            }
            else if (keepDigits && char.IsAsciiDigit(c))
            {
                destination[written++] = (byte)c;
            }
        }

        return written;
    }

    /// <summary>Lower-cases an ASCII character.</summary>
    public static char Lower(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;

    /// <summary>
    /// A lookup key of up to <see cref="MaxPackedLetters"/> lower-case ASCII letters as one number (1 to 26 per
    /// letter, so no two keys share one); false for longer keys or any other character.
    /// </summary>
    public static bool TryPack(ReadOnlySpan<byte> letters, out ulong key)
    {
        key = 0;
        if (letters.Length > MaxPackedLetters)
        {
            return false;
        }

        foreach (byte letter in letters)
        {
            if (letter is < (byte)'a' or > (byte)'z')
            {
                return false;
            }

            key = (key << 5) | (uint)(letter - 'a' + 1);
        }

        return true;
    }

    /// <inheritdoc cref="TryPack(ReadOnlySpan{byte}, out ulong)"/>
    public static bool TryPack(string letters, out ulong key)
    {
        key = 0;
        if (letters.Length > MaxPackedLetters)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxPackedLetters];
        for (int i = 0; i < letters.Length; i++)
        {
            if (letters[i] > 0x7F)
            {
                return false;
            }

            bytes[i] = (byte)letters[i];
        }

        return TryPack(bytes[..letters.Length], out key);
    }

    /// <summary>The entries of a table whose keys pack into numbers, keyed by their packed keys.</summary>
    public static System.Collections.Frozen.FrozenDictionary<ulong, string> Pack(IEnumerable<KeyValuePair<string, string>> table)
    {
        Dictionary<ulong, string> packed = [];
        foreach ((string key, string value) in table)
        {
            if (TryPack(key, out ulong number))
            {
                packed.Add(number, value);
            }
        }

        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(packed);
    }

    /// <summary>Writes ASCII text as its UTF-8 bytes (the same values); returns how many.</summary>
    public static int Write(ReadOnlySpan<char> text, Span<byte> destination)
    {
        for (int i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        return text.Length;
    }
}
