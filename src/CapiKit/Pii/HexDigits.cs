using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>
    /// Writes the 32 hex digits of two big-endian words (<paramref name="high"/> first). With SSSE3 each nibble is
    /// looked up in one byte shuffle for all 32 digits at once: every hash of a payload is formatted, and the
    /// digit-by-digit loop cost about as much per hash as hashing it in a batch.
    /// </summary>
    public static void EncodeLower(ulong high, ulong low, Span<byte> destination)
    {
        if (Ssse3.IsSupported && destination.Length >= 32)
        {
            EncodeLowerSsse3(high, low, destination);
            return;
        }

        EncodeLower(high, destination);
        EncodeLower(low, destination[16..]);
    }

    /// <summary>The SSSE3 path of <see cref="EncodeLower(ulong, ulong, Span{byte})"/> (x86, so little-endian).</summary>
    internal static void EncodeLowerSsse3(ulong high, ulong low, Span<byte> destination)
    {
        Vector128<byte> bytes = Vector128.Create(BinaryPrimitives.ReverseEndianness(high), BinaryPrimitives.ReverseEndianness(low)).AsByte();
        Vector128<byte> nibble = Vector128.Create((byte)0x0F);
        Vector128<byte> table = Vector128.Create(
            (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7',
            (byte)'8', (byte)'9', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f');
        Vector128<byte> highDigits = Ssse3.Shuffle(table, Sse2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble);
        Vector128<byte> lowDigits = Ssse3.Shuffle(table, bytes & nibble);
        Sse2.UnpackLow(highDigits, lowDigits).CopyTo(destination);
        Sse2.UnpackHigh(highDigits, lowDigits).CopyTo(destination[16..]);
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
