using System.Buffers;
using System.Text;

namespace CapiKit.Pii.Text;

/// <summary>
/// Unicode normalization forms C and D (UAX #15) from CapiKit's own tables. .NET's <c>string.Normalize</c> asks
/// ICU and, under <c>InvariantGlobalization=true</c>, leaves non-ASCII text as it is, so a decomposed "é" would
/// hash differently in a container than on a developer's machine.
/// </summary>
internal static class UnicodeNormalization
{
    private const int HangulSBase = 0xAC00;
    private const int HangulLBase = 0x1100;
    private const int HangulVBase = 0x1161;
    private const int HangulTBase = 0x11A7;
    private const int HangulLCount = 19;
    private const int HangulVCount = 21;
    private const int HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount;
    private const int HangulSCount = HangulLCount * HangulNCount;

    /// <summary>The text in Normalization Form C (canonical composition).</summary>
    public static string ToNfc(string text) => IsQuickNfc(text) ? text : Normalize(text, compose: true);

    /// <summary>The text in Normalization Form D (canonical decomposition).</summary>
    public static string ToNfd(string text) => IsAscii(text) ? text : Normalize(text, compose: false);

    private static bool IsAscii(string text) => !text.AsSpan().ContainsAnyExceptInRange('\0', '\u007F');

    /// <summary>True when no character of the text can change under NFC (NFC_Quick_Check Yes and class 0).</summary>
    private static bool IsQuickNfc(string text)
    {
        ReadOnlySpan<char> span = text;
        int first = span.IndexOfAnyExceptInRange('\0', '\u02FF');
        if (first < 0)
        {
            return true;
        }

        foreach (Rune rune in text.AsSpan(first).EnumerateRunes())
        {
            if (UnicodeTables.Has(rune.Value, CharClass.NfcUnsafe))
            {
                return false;
            }
        }

        return true;
    }

    private static string Normalize(string text, bool compose)
    {
        int[] rented = ArrayPool<int>.Shared.Rent((text.Length * 4) + 4);
        try
        {
            int length = Decompose(text, rented);
            Span<int> codePoints = rented.AsSpan(0, length);
            SortCanonically(codePoints);
            if (compose)
            {
                length = Compose(codePoints);
            }

            return ToText(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    // No canonical decomposition is longer than four code points, so 4 × the UTF-16 length always suffices.
    private static int Decompose(string text, int[] output)
    {
        int length = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            int codePoint = rune.Value;
            int index = codePoint - HangulSBase;
            if ((uint)index < HangulSCount)
            {
                output[length++] = HangulLBase + (index / HangulNCount);
                output[length++] = HangulVBase + (index % HangulNCount / HangulTCount);
                if (index % HangulTCount != 0)
                {
                    output[length++] = HangulTBase + (index % HangulTCount);
                }

                continue;
            }

            ReadOnlySpan<int> decomposition = UnicodeTables.GetDecomposition(codePoint);
            if (decomposition.IsEmpty)
            {
                output[length++] = codePoint;
            }
            else
            {
                decomposition.CopyTo(output.AsSpan(length));
                length += decomposition.Length;
            }
        }

        return length;
    }

    /// <summary>The canonical ordering algorithm: a stable sort of each run of non-starters by combining class.</summary>
    private static void SortCanonically(Span<int> codePoints)
    {
        for (int i = 1; i < codePoints.Length; i++)
        {
            int current = codePoints[i];
            int currentClass = UnicodeTables.GetCombiningClass(current);
            if (currentClass == 0)
            {
                continue;
            }

            int j = i;
            while (j > 0 && UnicodeTables.GetCombiningClass(codePoints[j - 1]) > currentClass)
            {
                codePoints[j] = codePoints[j - 1];
                j--;
            }

            codePoints[j] = current;
        }
    }

    /// <summary>The canonical composition algorithm over decomposed, ordered text; returns the new length.</summary>
    private static int Compose(Span<int> codePoints)
    {
        if (codePoints.Length == 0)
        {
            return 0;
        }

        int starterIndex = 0;
        int starter = codePoints[0];
        int lastClass = UnicodeTables.GetCombiningClass(starter) == 0 ? 0 : 256;
        int written = 1;
        for (int read = 1; read < codePoints.Length; read++)
        {
            int current = codePoints[read];
            int currentClass = UnicodeTables.GetCombiningClass(current);
            // Not blocked: nothing with a class as high stands between (lastClass 0 means the starter is the last
            // character written, since every written class-0 character becomes the starter).
            int composite = lastClass < currentClass || lastClass == 0 ? ComposePair(starter, current) : -1;
            if (composite >= 0)
            {
                codePoints[starterIndex] = composite;
                starter = composite;
                continue;
            }

            if (currentClass == 0)
            {
                starterIndex = written;
                starter = current;
            }

            lastClass = currentClass;
            codePoints[written++] = current;
        }

        return written;
    }

    private static int ComposePair(int first, int second)
    {
        int lIndex = first - HangulLBase;
        if ((uint)lIndex < HangulLCount)
        {
            int vIndex = second - HangulVBase;
            return (uint)vIndex < HangulVCount ? HangulSBase + (((lIndex * HangulVCount) + vIndex) * HangulTCount) : -1;
        }

        int sIndex = first - HangulSBase;
        if ((uint)sIndex < HangulSCount && sIndex % HangulTCount == 0)
        {
            int tIndex = second - HangulTBase;
            return tIndex is > 0 and < HangulTCount ? first + tIndex : -1;
        }

        return UnicodeTables.GetComposite(first, second);
    }

    private static string ToText(ReadOnlySpan<int> codePoints)
    {
        StringBuilder text = new(codePoints.Length + 8);
        foreach (int codePoint in codePoints)
        {
            text.AppendCodePoint(codePoint);
        }

        return text.ToString();
    }
}
