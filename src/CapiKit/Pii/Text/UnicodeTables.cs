namespace CapiKit.Pii.Text;

/// <summary>
/// Look-ups over the generated Unicode tables. Code points below U+0100, nearly all the text customers type in
/// Latin-script markets, come from a 256-entry table; the rest by binary search over runs.
/// </summary>
internal static partial class UnicodeTables
{
    private const int Latin1Limit = 0x100;

    private static readonly CharClass[] Latin1Classes = BuildLatin1Classes();

    public static CharClass GetClass(int codePoint) =>
        (uint)codePoint < Latin1Limit ? Latin1Classes[codePoint] : (CharClass)RunValue(ClassRunStarts, ClassRunValues, codePoint);

    public static bool Has(int codePoint, CharClass flags) => (GetClass(codePoint) & flags) != 0;

    /// <summary>The canonical combining class; 0 for starters.</summary>
    public static int GetCombiningClass(int codePoint) =>
        codePoint < 0x300 ? 0 : RunValue(CombiningClassRunStarts, CombiningClassRunValues, codePoint);

    /// <summary>The full canonical decomposition (already applied recursively), or an empty span when there is none.</summary>
    public static ReadOnlySpan<int> GetDecomposition(int codePoint)
    {
        int index = DecompositionKeys.BinarySearch(codePoint);
        return index < 0 ? default : DecompositionData[DecompositionOffsets[index]..DecompositionOffsets[index + 1]];
    }

    /// <summary>The primary composite of a starter and a following character, or -1.</summary>
    public static int GetComposite(int first, int second)
    {
        ReadOnlySpan<int> triples = CompositionTriples;
        int low = 0;
        int high = (triples.Length / 3) - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            int at = middle * 3;
            int order = triples[at] != first ? triples[at].CompareTo(first) : triples[at + 1].CompareTo(second);
            if (order == 0)
            {
                return triples[at + 2];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The full lower-case mapping when it is more than one code point, else an empty span.</summary>
    public static ReadOnlySpan<int> GetFullLowercase(int codePoint)
    {
        int index = FullLowercaseKeys.BinarySearch(codePoint);
        return index < 0 ? default : FullLowercaseData[FullLowercaseOffsets[index]..FullLowercaseOffsets[index + 1]];
    }

    /// <summary>The simple lower-case mapping; the code point itself when it has none.</summary>
    public static int GetSimpleLowercase(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint is >= 'A' and <= 'Z' ? codePoint + 32 : codePoint;
        }

        int index = LowercaseKeys.BinarySearch(codePoint);
        return index < 0 ? codePoint : LowercaseValues[index];
    }

    private static byte RunValue(ReadOnlySpan<int> starts, ReadOnlySpan<byte> values, int codePoint)
    {
        int index = starts.BinarySearch(codePoint);
        return values[index >= 0 ? index : ~index - 1];
    }

    private static CharClass[] BuildLatin1Classes()
    {
        CharClass[] classes = new CharClass[Latin1Limit];
        for (int codePoint = 0; codePoint < Latin1Limit; codePoint++)
        {
            classes[codePoint] = (CharClass)RunValue(ClassRunStarts, ClassRunValues, codePoint);
        }

        return classes;
    }
}
