using System.Globalization;
using System.Security.Cryptography;
using CapiKit.Pii;
using CapiKit.Pii.Hashing;

namespace CapiKit.Tests.Pii.Hashing;

/// <summary>
/// Compares CapiKit's batch SHA-256 with <see cref="SHA256.HashData(ReadOnlySpan{byte})"/>: first every lane count
/// (1 to 16 values in a batch) with every length from 0 to 200 bytes, then random batches of random lengths.
/// Shared by the tests and by the child processes that run on a hardware path forced off.
/// </summary>
internal static class Sha256Differential
{
    public const int MaxLength = 200;
    public const int MaxLanes = 16;

    /// <summary>Random values checked per path in CI; <c>CAPIKIT_SHA256_DIFFERENTIAL_VALUES</c> asks for more.</summary>
    public static int RandomValues =>
        int.TryParse(Environment.GetEnvironmentVariable("CAPIKIT_SHA256_DIFFERENTIAL_VALUES"), NumberStyles.None, CultureInfo.InvariantCulture, out int values)
            ? values
            : 300_000;

    /// <summary>The paths this process can run.</summary>
    public static IEnumerable<Sha256BatchPath> SupportedPaths()
    {
        yield return Sha256BatchPath.Platform;
        if (Sha256Vector256.IsSupported)
        {
            yield return Sha256BatchPath.Vector256;
        }

        if (Sha256Vector512.IsSupported)
        {
            yield return Sha256BatchPath.Vector512;
        }
    }

    /// <summary>Checks <paramref name="path"/>; returns how many values agreed, or the first disagreement.</summary>
    public static (long Checked, string? Mismatch) Run(Sha256BatchPath path, int randomValues, int seed)
    {
        Random random = new(seed);
        byte[] packed = new byte[MaxLanes * MaxLength];
        int[] ends = new int[MaxLanes];
        long checkedValues = 0;

        for (int lanes = 1; lanes <= MaxLanes; lanes++)
        {
            for (int length = 0; length <= MaxLength; length++)
            {
                for (int i = 0; i < lanes; i++)
                {
                    ends[i] = (i + 1) * length;
                }

                random.NextBytes(packed.AsSpan(0, lanes * length));
                if (Check(path, packed, ends.AsSpan(0, lanes)) is { } mismatch)
                {
                    return (checkedValues, mismatch);
                }

                checkedValues += lanes;
            }
        }

        int lanesInBatch = 0;
        for (long done = 0; done < randomValues; done += lanesInBatch)
        {
            lanesInBatch = 1 + (int)(done % MaxLanes);
            int end = 0;
            for (int i = 0; i < lanesInBatch; i++)
            {
                // Three values in four fit one block (the kernels' work); the rest cross into the platform's path.
                end += random.Next(4) == 0 ? random.Next(MaxLength + 1) : random.Next(Sha256Constants.BlockLength + 1);
                ends[i] = end;
            }

            random.NextBytes(packed.AsSpan(0, end));
            if (Check(path, packed, ends.AsSpan(0, lanesInBatch)) is { } mismatch)
            {
                return (checkedValues, mismatch);
            }

            checkedValues += lanesInBatch;
        }

        return (checkedValues, null);
    }

    /// <summary>
    /// Checks <see cref="Sha256Hash.Compute(ReadOnlySpan{byte})"/>, one value at a time, on every length from 0 to 200
    /// (<paramref name="perLength"/> random values each).
    /// </summary>
    public static (long Checked, string? Mismatch) RunCompute(int perLength, int seed)
    {
        Random random = new(seed);
        byte[] value = new byte[MaxLength];
        long checkedValues = 0;
        for (int length = 0; length <= MaxLength; length++)
        {
            for (int i = 0; i < perLength; i++)
            {
                random.NextBytes(value.AsSpan(0, length));
                Sha256Hash actual = Sha256Hash.Compute(value.AsSpan(0, length));
                Sha256Hash expected = Sha256Hash.FromBytes(SHA256.HashData(value.AsSpan(0, length)));
                if (actual != expected)
                {
                    return (checkedValues, $"Compute on {BatchSha256.Path}: {length} bytes ({Convert.ToHexStringLower(value.AsSpan(0, length))}) hashed to {actual}, SHA256.HashData gives {expected}");
                }

                checkedValues++;
            }
        }

        return (checkedValues, null);
    }

    private static string? Check(Sha256BatchPath path, byte[] packed, ReadOnlySpan<int> ends)
    {
        Sha256Hash[] hashes = new Sha256Hash[ends.Length];
        BatchSha256.HashAll(packed, ends, hashes, path);
        int start = 0;
        for (int i = 0; i < ends.Length; i++)
        {
            ReadOnlySpan<byte> value = packed.AsSpan(start, ends[i] - start);
            Sha256Hash expected = Sha256Hash.FromBytes(SHA256.HashData(value));
            if (expected != hashes[i])
            {
                return $"{path}: value {i} of {ends.Length} ({value.Length} bytes, {Convert.ToHexStringLower(value)}) hashed to {hashes[i]}, SHA256.HashData gives {expected}";
            }

            start = ends[i];
        }

        return null;
    }
}
