using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class HashAllBatchTests
{
    [Fact]
    public void Many_values_hashed_together_are_the_hashes_of_each_value_alone_in_first_seen_order()
    {
        NormalizationOptions us = new() { DefaultRegion = "US" };
        string?[] values =
        [
            .. Enumerable.Range(0, 40).Select(i => $" Customer{i % 25}@Example.com "),
            "Valéry@exämple.com",
            "not-an-email",
            null,
            new string('a', 60) + "@example.com",
        ];

        HashedValues hashed = PiiNormalizer.HashAll("em", values, us);

        Sha256Hash[] expected = [.. values.Select(v => PiiNormalizer.Normalize("em", v, us)).Where(r => r.Succeeded).Select(r => r.ComputeHash()).Distinct()];
        Assert.Equal(expected, hashed.Hashes);
        Assert.Equal(27, hashed.Hashes.Count);
        Assert.Equal([NormalizationFailure.InvalidFormat, NormalizationFailure.Empty], hashed.Errors.Select(e => e.Reason));
    }
}
