using System.Security.Cryptography;
using System.Text;
using CapiKit.Pii;
using CapiKit.Pii.Hashing;

namespace CapiKit.Tests.Pii.Hashing;

public sealed class BatchSha256Tests
{
    // Names, not the internal enum: xUnit's theory data must be public.
    public static TheoryData<string> Paths => [.. Sha256Differential.SupportedPaths().Select(path => path.ToString())];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_length_to_200_bytes_and_every_lane_count_hashes_as_SHA256_HashData(string path)
    {
        (long checkedValues, string? mismatch) = Sha256Differential.Run(Enum.Parse<Sha256BatchPath>(path), Sha256Differential.RandomValues, seed: 2026);

        Assert.Null(mismatch);
        Assert.True(checkedValues >= Sha256Differential.RandomValues);
    }

    [Fact]
    public void One_value_at_a_time_hashes_as_SHA256_HashData_at_every_length_to_200_bytes()
    {
        (long checkedValues, string? mismatch) = Sha256Differential.RunCompute(perLength: 200, seed: 2026);

        Assert.Null(mismatch);
        Assert.Equal(201 * 200, checkedValues);
    }

    [Fact]
    public void Every_conformance_input_hashes_as_SHA256_HashData_alone_in_a_batch_and_on_the_ASCII_path()
    {
        (int checkedValues, string? mismatch) = ConformanceHashCheck.Run();

        Assert.Null(mismatch);
        Assert.True(checkedValues > 100, $"only {checkedValues} conformance values checked");
    }

    [Fact]
    public void The_process_takes_the_widest_path_the_hardware_accelerates()
    {
        Sha256BatchPath expected = Environment.GetEnvironmentVariable(BatchSha256.DisableVariable) is "1" ? Sha256BatchPath.Platform
            : Sha256Vector512.IsSupported ? Sha256BatchPath.Vector512
            : Sha256Vector256.IsSupported ? Sha256BatchPath.Vector256
            : Sha256BatchPath.Platform;

        Assert.Equal(expected, BatchSha256.Path);
    }

    [Fact]
    public void The_queue_hashes_text_as_UTF8_and_grows_past_its_first_buffers()
    {
        Sha256Queue queue = new();
        string[] values = [.. Enumerable.Range(0, 100).Select(i => new string('é', i * 3) + i)];
        foreach (string value in values)
        {
            queue.Add(value);
        }

        queue.HashAll();

        Assert.Equal(values.Length, queue.Count);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values[i]))), queue[i].ToString());
        }
    }

    [Fact]
    public void A_cleared_queue_starts_again_from_its_first_index()
    {
        Sha256Queue queue = new();
        queue.Add("first"u8);
        queue.HashAll();
        queue.Clear();

        Assert.Equal(0, queue.Add("abc"u8));
        Assert.Throws<InvalidOperationException>(() => queue[0]);
        queue.HashAll();
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", queue[0].ToString());
    }
}
