using System.Security.Cryptography;
using System.Text;
using CapiKit.Pii;
using CsCheck;

namespace CapiKit.Tests.Pii;

public sealed class Sha256HashTests
{
    private const string AbcHash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void Hex_digits_are_those_of_the_digest_bytes_on_the_vector_path_and_the_scalar_one()
    {
        Random random = new(17);
        byte[] digest = new byte[Sha256Hash.ByteLength];
        byte[] hex = new byte[Sha256Hash.HexLength];
        for (int i = 0; i < 20_000; i++)
        {
            random.NextBytes(digest);
            if (i < 256)
            {
                digest.AsSpan().Fill((byte)i);
            }

            string expected = Convert.ToHexString(digest).ToLowerInvariant();
            Sha256Hash.FromBytes(digest).TryFormat(hex, out int written);
            Assert.Equal(expected, Encoding.ASCII.GetString(hex, 0, written));

            ulong high = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(digest);
            ulong low = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(digest.AsSpan(8));
            HexDigits.EncodeLower(high, hex);
            HexDigits.EncodeLower(low, hex.AsSpan(16));
            Assert.Equal(expected[..32], Encoding.ASCII.GetString(hex, 0, 32));
            if (System.Runtime.Intrinsics.X86.Ssse3.IsSupported)
            {
                HexDigits.EncodeLowerSsse3(high, low, hex);
                Assert.Equal(expected[..32], Encoding.ASCII.GetString(hex, 0, 32));
            }
        }
    }

    [Fact]
    public void Computes_the_standard_digest_and_formats_lower_case_hex()
    {
        Sha256Hash hash = Sha256Hash.Compute("abc");

        Assert.Equal(AbcHash, hash.ToString());
        Assert.Equal(SHA256.HashData("abc"u8), hash.ToByteArray());
    }

    [Fact]
    public void Text_is_hashed_as_UTF8() =>
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("정"))), Sha256Hash.Compute("정").ToString());

    [Fact]
    public void Long_text_is_hashed_whole()
    {
        string text = new('é', 10_000);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), Sha256Hash.Compute(text).ToString());
    }

    [Fact]
    public void Parses_either_case_and_formats_lower_case()
    {
        Sha256Hash parsed = Sha256Hash.Parse(AbcHash.ToUpperInvariant());

        Assert.Equal(Sha256Hash.Compute("abc"), parsed);
        Assert.Equal(AbcHash, parsed.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ba7816bf")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015add")]
    [InlineData("za7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData(" a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("900150983cd24fb0d6963f7d28e17f72")]
    public void Anything_but_64_hex_digits_is_refused(string text)
    {
        Assert.False(Sha256Hash.TryParse(text, out _));
        FormatException error = Assert.Throws<FormatException>(() => Sha256Hash.Parse(text));
        Assert.Equal("A SHA-256 hash is exactly 64 hexadecimal digits.", error.Message);
    }

    [Fact]
    public void Null_is_refused() => Assert.False(Sha256Hash.TryParse((string?)null, out _));

    [Fact]
    public void Formats_into_spans_of_chars_and_UTF8_bytes()
    {
        Sha256Hash hash = Sha256Hash.Compute("abc");
        Span<char> chars = stackalloc char[64];
        Span<byte> bytes = stackalloc byte[64];

        Assert.True(hash.TryFormat(chars, out int charsWritten));
        Assert.True(hash.TryFormat(bytes, out int bytesWritten));
        Assert.False(hash.TryFormat(stackalloc char[63], out _));
        Assert.Equal(AbcHash, chars[..charsWritten].ToString());
        Assert.Equal(AbcHash, Encoding.UTF8.GetString(bytes[..bytesWritten]));
        Assert.Equal(AbcHash, $"{hash}");
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.Equal(Sha256Hash.Compute("abc"), Sha256Hash.Compute("abc"u8));
        Assert.True(Sha256Hash.Compute("abc") == Sha256Hash.Parse(AbcHash));
        Assert.True(Sha256Hash.Compute("abc") != Sha256Hash.Compute("abd"));
        Assert.Equal(Sha256Hash.Compute("abc").GetHashCode(), Sha256Hash.Parse(AbcHash).GetHashCode());
    }

    [Fact]
    public void FromBytes_needs_exactly_32_bytes()
    {
        Assert.Throws<ArgumentException>(() => Sha256Hash.FromBytes(new byte[31]));
        Assert.Equal(Sha256Hash.Compute("abc"), Sha256Hash.FromBytes(SHA256.HashData("abc"u8)));
    }

    [Fact]
    public void Any_32_bytes_survive_format_and_parse() =>
        Gen.Byte.Array[32].Sample(bytes =>
        {
            Sha256Hash hash = Sha256Hash.FromBytes(bytes);
            string hex = hash.ToString();
            Assert.Equal(Convert.ToHexStringLower(bytes), hex);
            Assert.Equal(hash, Sha256Hash.Parse(hex));
            Assert.Equal(bytes, hash.ToByteArray());
        });
}
