namespace CapiKit.Pii;

/// <summary>
/// Lower-case hexadecimal for <see cref="Sha256Hash"/>. net8.0 has no span-based lower-case encoder or
/// allocation-free decoder (Convert.ToHexStringLower and the span overload of FromHexString arrive in .NET 9).
/// </summary>
internal static class HexDigits
{
    private static ReadOnlySpan<byte> Lower => "0123456789abcdef"u8;

    /// <summary>Writes the 16 hex digits of a big-endian word.</summary>
    public static void EncodeLower(ulong word, Span<byte> destination)
    {
        for (int i = 15; i >= 0; i--)
        {
            destination[i] = Lower[(int)(word & 0xF)];
            word >>= 4;
        }
    }

    /// <inheritdoc cref="EncodeLower(ulong, Span{byte})"/>
    public static void EncodeLower(ulong word, Span<char> destination)
    {
        for (int i = 15; i >= 0; i--)
        {
            destination[i] = (char)Lower[(int)(word & 0xF)];
            word >>= 4;
        }
    }

    /// <summary>Decodes pairs of hex digits (either case); false on any other character.</summary>
    public static bool TryDecode(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            int high = ValueOf(hex[2 * i]);
            int low = ValueOf(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
