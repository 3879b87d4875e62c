using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using CapiKit.Pii;
using CapiKit.Pii.Hashing;

namespace CapiKit.Benchmarks;

/// <summary>
/// The cost of hashing one normalized value, side by side: <c>SHA256.HashData</c> per value, one
/// <see cref="IncrementalHash"/> reused for every value, and CapiKit's batch hasher on each path this machine
/// runs. The values are the pipeline's nine normalized values per event for 1,000 events; times and
/// allocations are per value (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class HashingBenchmarks
{
    public const int Values = PipelineBenchmarks.BatchSize * 9;

    private byte[][] _values = [];
    private byte[] _packed = [];
    private int[] _ends = [];
    private readonly Sha256Hash[] _hashes = new Sha256Hash[Values];
    private readonly IncrementalHash _incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    [GlobalSetup]
    public void Setup()
    {
        NormalizationOptions us = new() { DefaultRegion = "US" };
        _values = [.. Inputs.Customers(PipelineBenchmarks.BatchSize).SelectMany(c => PipelineBenchmarks.NormalizedValues(c, us)).Select(Encoding.UTF8.GetBytes)];
        _packed = [.. _values.SelectMany(v => v)];
        _ends = new int[_values.Length];
        int end = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            end += _values[i].Length;
            _ends[i] = end;
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _incremental.Dispose();

    /// <summary>One <c>SHA256.HashData</c> call per value.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Values)]
    public int HashData()
    {
        Span<byte> digest = stackalloc byte[32];
        int sum = 0;
        foreach (byte[] value in _values)
        {
            SHA256.HashData(value, digest);
            sum += digest[0];
        }

        return sum;
    }

    /// <summary>One <see cref="IncrementalHash"/>, reused: append, then get the hash and reset.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public int IncrementalHashReused()
    {
        Span<byte> digest = stackalloc byte[32];
        int sum = 0;
        foreach (byte[] value in _values)
        {
            _incremental.AppendData(value);
            _incremental.GetHashAndReset(digest);
            sum += digest[0];
        }

        return sum;
    }

    /// <summary>CapiKit's batch hasher on the path it chooses here (<see cref="BatchSha256.Path"/>).</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public Sha256Hash CapiKitBatch() => Hash(BatchSha256.Path);

    /// <summary>CapiKit's batch hasher forced onto 8 lanes (AVX2); fails on hardware without it.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public Sha256Hash CapiKitBatchVector256() => Hash(Sha256BatchPath.Vector256);

    /// <summary>
    /// One value per call on 8 lanes with seven left empty: what hashing a value on its own would cost on the
    /// vector path, against <see cref="HashData"/>.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public Sha256Hash CapiKitOneValueAtATimeVector256()
    {
        Span<int> end = stackalloc int[1];
        int start = 0;
        for (int i = 0; i < _ends.Length; i++)
        {
            end[0] = _ends[i] - start;
            BatchSha256.HashAll(_packed.AsSpan(start, end[0]), end, _hashes.AsSpan(i, 1), Sha256BatchPath.Vector256);
            start = _ends[i];
        }

        return _hashes[^1];
    }

    /// <summary>Eight values per call on 16 lanes, half of them empty: an event with eight hashed keys.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public Sha256Hash CapiKitEightAtATimeVector512() => HashInGroups(8, Sha256BatchPath.Vector512);

    /// <summary>Eight values per call on 8 lanes.</summary>
    [Benchmark(OperationsPerInvoke = Values)]
    public Sha256Hash CapiKitEightAtATimeVector256() => HashInGroups(8, Sha256BatchPath.Vector256);

    private Sha256Hash HashInGroups(int size, Sha256BatchPath path)
    {
        Span<int> ends = stackalloc int[size];
        int start = 0;
        for (int i = 0; i < _ends.Length; i += size)
        {
            int count = Math.Min(size, _ends.Length - i);
            for (int k = 0; k < count; k++)
            {
                ends[k] = _ends[i + k] - start;
            }

            BatchSha256.HashAll(_packed.AsSpan(start, ends[count - 1]), ends[..count], _hashes.AsSpan(i, count), path);
            start = _ends[i + count - 1];
        }

        return _hashes[^1];
    }

    private Sha256Hash Hash(Sha256BatchPath path)
    {
        BatchSha256.HashAll(_packed, _ends, _hashes, path);
        return _hashes[^1];
    }
}
