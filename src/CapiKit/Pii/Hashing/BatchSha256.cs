using System.Buffers.Binary;

namespace CapiKit.Pii.Hashing;

/// <summary>
/// SHA-256 of many short values at once. Values that fit one block (at most 55 bytes, which is nearly every
/// normalized e-mail, phone, name, city, state, postal code and country) are hashed 16 or 8 side by side in
/// vector lanes; longer values, and every value when no vector path applies, go through <c>SHA256.HashData</c>.
/// Digests are identical either way: the tests compare every path with <c>SHA256.HashData</c>.
/// </summary>
/// <remarks>
/// The AppContext switch <c>CapiKit.Hashing.DisableBatchSha256</c> or the environment variable
/// <c>CAPIKIT_DISABLE_BATCH_SHA256=1</c> sends every value through <c>SHA256.HashData</c> (for a platform that
/// must use a validated cryptographic module, or to rule CapiKit's kernel out while investigating).
/// </remarks>
internal static class BatchSha256
{
    /// <summary>The AppContext switch that turns batch hashing off.</summary>
    public const string DisableSwitch = "CapiKit.Hashing.DisableBatchSha256";

    /// <summary>The environment variable that turns batch hashing off when set to <c>1</c> or <c>true</c>.</summary>
    public const string DisableVariable = "CAPIKIT_DISABLE_BATCH_SHA256";

    /// <summary>The path this process uses, decided once from the hardware and the switches.</summary>
    public static Sha256BatchPath Path { get; } = ChoosePath();

    /// <summary>Whether <see cref="Path"/> hashes several values per compression.</summary>
    public static bool IsBatching => Path != Sha256BatchPath.Platform;

    /// <summary>
    /// Hashes each value of <paramref name="packed"/>: value <c>i</c> runs from the end of value <c>i - 1</c> (or 0)
    /// to <c>ends[i]</c>; its digest goes to <c>hashes[i]</c>.
    /// </summary>
    public static void HashAll(ReadOnlySpan<byte> packed, ReadOnlySpan<int> ends, Span<Sha256Hash> hashes) =>
        HashAll(packed, ends, hashes, Path);

    /// <summary>As <see cref="HashAll(ReadOnlySpan{byte}, ReadOnlySpan{int}, Span{Sha256Hash})"/> on a given path (tests force each one).</summary>
    /// <exception cref="PlatformNotSupportedException">The hardware does not accelerate <paramref name="path"/>.</exception>
    public static void HashAll(ReadOnlySpan<byte> packed, ReadOnlySpan<int> ends, Span<Sha256Hash> hashes, Sha256BatchPath path)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hashes.Length, ends.Length);
        int lanes = LanesOf(path);

        // Room for the widest kernel; lanes left unfilled in a last, partial group compress stale words whose
        // digests are never read.
        Span<uint> words = stackalloc uint[16 * Sha256Vector512.Lanes];
        Span<uint> state = stackalloc uint[8 * Sha256Vector512.Lanes];
        Span<int> owners = stackalloc int[Sha256Vector512.Lanes];
        int filled = 0;
        int start = 0;
        for (int i = 0; i < ends.Length; i++)
        {
            ReadOnlySpan<byte> value = packed[start..ends[i]];
            start = ends[i];
            if (lanes == 0 || value.Length > Sha256Constants.MaxSingleBlockLength)
            {
                hashes[i] = Sha256Hash.ComputeWithPlatform(value);
                continue;
            }

            LoadBlock(value, words, filled, lanes);
            owners[filled++] = i;
            if (filled == lanes)
            {
                Compress(words, state, lanes);
                Store(state, owners[..filled], lanes, hashes);
                filled = 0;
            }
        }

        if (filled > 0)
        {
            if (lanes == Sha256Vector512.Lanes && filled <= Sha256Vector256.Lanes && Sha256Vector256.IsSupported)
            {
                // A last group that fits eight lanes is cheaper in one 256-bit compression than in a 512-bit one
                // (57 against 65 ns per value for eight values on the benchmark machine).
                Restride(words, filled);
                lanes = Sha256Vector256.Lanes;
            }

            Compress(words, state, lanes);
            Store(state, owners[..filled], lanes, hashes);
        }
    }

    /// <summary>
    /// Moves the first <paramref name="filled"/> lanes' words from 16 lanes' layout to 8 lanes', in place: each
    /// word moves to a lower index than any word still to be moved.
    /// </summary>
    private static void Restride(Span<uint> words, int filled)
    {
        for (int t = 1; t < 16; t++)
        {
            for (int lane = 0; lane < filled; lane++)
            {
                words[(t * Sha256Vector256.Lanes) + lane] = words[(t * Sha256Vector512.Lanes) + lane];
            }
        }
    }

    /// <summary>
    /// Hashes one value of at most 55 bytes on the narrowest vector path: one lane of eight used still costs far
    /// less than <c>SHA256.HashData</c> (286 ns against 712 ns per value on the benchmark machine).
    /// </summary>
    public static Sha256Hash HashOne(ReadOnlySpan<byte> value)
    {
        Span<int> end = [value.Length];
        Span<Sha256Hash> hash = [default];
        HashAll(value, end, hash, SinglePath);
        return hash[0];
    }

    private static Sha256BatchPath SinglePath { get; } =
        Path == Sha256BatchPath.Platform || !Sha256Vector256.IsSupported ? Path : Sha256BatchPath.Vector256;

    private static int LanesOf(Sha256BatchPath path) => path switch
    {
        Sha256BatchPath.Vector512 when Sha256Vector512.IsSupported => Sha256Vector512.Lanes,
        Sha256BatchPath.Vector256 when Sha256Vector256.IsSupported => Sha256Vector256.Lanes,
        Sha256BatchPath.Platform => 0,
        _ => throw new PlatformNotSupportedException($"This hardware does not accelerate the {path} SHA-256 path."),
    };

    private static void Compress(ReadOnlySpan<uint> words, Span<uint> state, int lanes)
    {
        if (lanes == Sha256Vector512.Lanes)
        {
            Sha256Vector512.Compress(words, state);
        }
        else
        {
            Sha256Vector256.Compress(words, state);
        }
    }

    /// <summary>
    /// Writes one value's padded block into its lane, word by word: its big-endian words, the 0x80 terminator
    /// after its last byte, zeros, and its length in bits in the last word (at most 440 bits, so word 14, the
    /// length's high half, is zero).
    /// </summary>
    private static void LoadBlock(ReadOnlySpan<byte> value, Span<uint> words, int lane, int lanes)
    {
        int whole = value.Length / 4;
        for (int t = 0; t < whole; t++)
        {
            words[(t * lanes) + lane] = BinaryPrimitives.ReadUInt32BigEndian(value[(t * 4)..]);
        }

        int rest = value.Length - (whole * 4);
        uint last = 0x80u << (24 - (8 * rest));
        for (int i = 0; i < rest; i++)
        {
            last |= (uint)value[(whole * 4) + i] << (24 - (8 * i));
        }

        words[(whole * lanes) + lane] = last;
        for (int t = whole + 1; t < 15; t++)
        {
            words[(t * lanes) + lane] = 0;
        }

        words[(15 * lanes) + lane] = (uint)value.Length * 8;
    }

    private static void Store(ReadOnlySpan<uint> state, ReadOnlySpan<int> owners, int lanes, Span<Sha256Hash> hashes)
    {
        for (int lane = 0; lane < owners.Length; lane++)
        {
            hashes[owners[lane]] = Sha256Hash.FromWords(
                state[lane], state[lanes + lane], state[(2 * lanes) + lane], state[(3 * lanes) + lane],
                state[(4 * lanes) + lane], state[(5 * lanes) + lane], state[(6 * lanes) + lane], state[(7 * lanes) + lane]);
        }
    }

    private static Sha256BatchPath ChoosePath()
    {
        if ((AppContext.TryGetSwitch(DisableSwitch, out bool disabled) && disabled)
            || Environment.GetEnvironmentVariable(DisableVariable) is { } variable
                && (variable == "1" || variable.Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            return Sha256BatchPath.Platform;
        }

        return Sha256Vector512.IsSupported ? Sha256BatchPath.Vector512
            : Sha256Vector256.IsSupported ? Sha256BatchPath.Vector256
            : Sha256BatchPath.Platform;
    }
}
