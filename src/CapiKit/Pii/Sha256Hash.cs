using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CapiKit.Pii;

/// <summary>
/// A SHA-256 digest: 32 bytes held as four 64-bit words, with no string inside, so a hash costs no allocation
/// until it is written. It formats as 64 lower-case hexadecimal digits, the form Meta's Conversions API expects.
/// </summary>
/// <remarks>
/// Pre-hashed values enter CapiKit only through <see cref="Parse(ReadOnlySpan{char})"/> and
/// <see cref="TryParse(ReadOnlySpan{char}, out Sha256Hash)"/>, which accept exactly 64 hexadecimal digits;
/// nothing guesses whether a string "looks hashed".
/// </remarks>
public readonly struct Sha256Hash : IEquatable<Sha256Hash>, ISpanFormattable, IUtf8SpanFormattable, ISpanParsable<Sha256Hash>
{
    /// <summary>The number of bytes in a SHA-256 digest.</summary>
    public const int ByteLength = 32;

    /// <summary>The number of hexadecimal digits in a formatted digest.</summary>
    public const int HexLength = 64;

    private const string ParseFailureMessage = "A SHA-256 hash is exactly 64 hexadecimal digits.";

    // Big-endian words: _w0 holds bytes 0..7, so formatting walks the words in order.
    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private Sha256Hash(ReadOnlySpan<byte> digest)
    {
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(digest);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(digest[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(digest[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(digest[24..]);
    }

    private Sha256Hash(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>A digest from the eight state words H0..H7 a SHA-256 compression ends with.</summary>
    internal static Sha256Hash FromWords(uint h0, uint h1, uint h2, uint h3, uint h4, uint h5, uint h6, uint h7) =>
        new(((ulong)h0 << 32) | h1, ((ulong)h2 << 32) | h3, ((ulong)h4 << 32) | h5, ((ulong)h6 << 32) | h7);

    /// <summary>Creates a hash from an existing 32-byte digest.</summary>
    /// <exception cref="ArgumentException"><paramref name="digest"/> is not 32 bytes long.</exception>
    public static Sha256Hash FromBytes(ReadOnlySpan<byte> digest)
    {
        if (digest.Length != ByteLength)
        {
            throw new ArgumentException($"A SHA-256 digest is {ByteLength} bytes; got {digest.Length}.", nameof(digest));
        }

        return new Sha256Hash(digest);
    }

    /// <summary>Hashes <paramref name="data"/> with SHA-256.</summary>
    /// <remarks>
    /// Data of at most 55 bytes (one SHA-256 block) is hashed by CapiKit's vector kernel where the hardware has one:
    /// even with one lane of eight used, that costs well under <c>SHA256.HashData</c>'s per-call setup. The digest is
    /// the same; the switch <c>CapiKit.Hashing.DisableBatchSha256</c> turns it off.
    /// </remarks>
    public static Sha256Hash Compute(ReadOnlySpan<byte> data) =>
        data.Length <= Hashing.Sha256Constants.MaxSingleBlockLength && Hashing.BatchSha256.IsBatching
            ? Hashing.BatchSha256.HashOne(data)
            : ComputeWithPlatform(data);

    /// <summary>Hashes <paramref name="data"/> with the platform's SHA-256 (<c>SHA256.HashData</c>).</summary>
    internal static Sha256Hash ComputeWithPlatform(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[ByteLength];
        SHA256.HashData(data, digest);
        return new Sha256Hash(digest);
    }

    /// <summary>Hashes the UTF-8 encoding of <paramref name="text"/> with SHA-256.</summary>
    /// <remarks>Text is hashed as given: normalize it first (see <see cref="PiiNormalizer"/>).</remarks>
    public static Sha256Hash Compute(ReadOnlySpan<char> text)
    {
        const int StackLimit = 512;
        int maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            int written = Encoding.UTF8.GetBytes(text, buffer);
            return Compute(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Parses exactly 64 hexadecimal digits (either case).</summary>
    /// <exception cref="FormatException">The text is not 64 hexadecimal digits. The message never repeats the input.</exception>
    public static Sha256Hash Parse(ReadOnlySpan<char> hex) =>
        TryParse(hex, out Sha256Hash hash) ? hash : throw new FormatException(ParseFailureMessage);

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})"/>
    public static Sha256Hash Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Parse(hex.AsSpan());
    }

    /// <summary>Parses exactly 64 hexadecimal digits (either case); returns false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> hex, out Sha256Hash hash)
    {
        hash = default;
        if (hex.Length != HexLength)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[ByteLength];
        if (!HexDigits.TryDecode(hex, digest))
        {
            return false;
        }

        hash = new Sha256Hash(digest);
        return true;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out Sha256Hash)"/>
    public static bool TryParse([NotNullWhen(true)] string? hex, out Sha256Hash hash)
    {
        if (hex is null)
        {
            hash = default;
            return false;
        }

        return TryParse(hex.AsSpan(), out hash);
    }

    static Sha256Hash ISpanParsable<Sha256Hash>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Sha256Hash>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Sha256Hash result) =>
        TryParse(s, out result);

    static Sha256Hash IParsable<Sha256Hash>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Sha256Hash>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sha256Hash result) =>
        TryParse(s, out result);

    /// <summary>Copies the 32 digest bytes into <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void CopyTo(Span<byte> destination)
    {
        if (destination.Length < ByteLength)
        {
            throw new ArgumentException($"The destination needs {ByteLength} bytes.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    /// <summary>Returns the 32 digest bytes in a new array.</summary>
    public byte[] ToByteArray()
    {
        byte[] bytes = new byte[ByteLength];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>Writes the 64 lower-case hexadecimal digits as UTF-8 bytes.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten)
    {
        if (utf8Destination.Length < HexLength)
        {
            bytesWritten = 0;
            return false;
        }

        HexDigits.EncodeLower(_w0, _w1, utf8Destination);
        HexDigits.EncodeLower(_w2, _w3, utf8Destination[32..]);
        bytesWritten = HexLength;
        return true;
    }

    /// <summary>Writes the 64 lower-case hexadecimal digits as characters.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        if (destination.Length < HexLength)
        {
            charsWritten = 0;
            return false;
        }

        HexDigits.EncodeLower(_w0, destination);
        HexDigits.EncodeLower(_w1, destination[16..]);
        HexDigits.EncodeLower(_w2, destination[32..]);
        HexDigits.EncodeLower(_w3, destination[48..]);
        charsWritten = HexLength;
        return true;
    }

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(destination, out charsWritten);

    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormat(utf8Destination, out bytesWritten);

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Returns the 64 lower-case hexadecimal digits.</summary>
    public override string ToString() =>
        string.Create(HexLength, this, static (chars, hash) => hash.TryFormat(chars, out _));

    /// <inheritdoc/>
    public bool Equals(Sha256Hash other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Sha256Hash other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator ==(Sha256Hash left, Sha256Hash right) => left.Equals(right);

    /// <summary>Compares two hashes byte for byte.</summary>
    public static bool operator !=(Sha256Hash left, Sha256Hash right) => !left.Equals(right);
}
