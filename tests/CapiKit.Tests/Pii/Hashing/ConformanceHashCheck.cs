using System.Security.Cryptography;
using System.Text;
using CapiKit.Pii;
using CapiKit.Tests.Conformance;

namespace CapiKit.Tests.Pii.Hashing;

/// <summary>
/// Every input of the conformance suite, hashed the three ways CapiKit hashes (one value at a time, in a batch
/// with <see cref="PiiNormalizer.HashAll"/>, and normalized on the ASCII path), against <c>SHA256.HashData</c> of
/// the full rules' normalized value. Run in process and in each hardware child, so the suite's values hash the
/// same on every path.
/// </summary>
internal static class ConformanceHashCheck
{
    private static readonly NormalizationOptions[] Options = [NormalizationOptions.Default, new() { DefaultRegion = "US" }];

    public static (int Checked, string? Mismatch) Run()
    {
        int checkedValues = 0;
        var byField = ConformanceCase.LoadAll(Path.Combine(RepositoryRoot.Path, "tests", "conformance"))
            .Where(c => c.Field is not null && c.Input is not null && PiiNormalizer.TryGetKey(c.Field, out UserDataKey? key) && key.Normalization is not null)
            .GroupBy(c => c.Field!);
        foreach (var cases in byField)
        {
            string field = cases.Key;
            foreach (NormalizationOptions options in Options)
            {
                List<Sha256Hash> expected = [];
                foreach (ConformanceCase @case in cases)
                {
                    NormalizationResult result = PiiNormalizer.NormalizeByRules(field, @case.Input!, options);
                    if (PiiNormalizer.Normalize(field, @case.Input, options).Value != result.Value)
                    {
                        return (checkedValues, $"{field}: Normalize, with its ASCII fast path, differs from the full rules for conformance case '{@case.Test}'");
                    }

                    if (result.Value is null)
                    {
                        continue;
                    }

                    Sha256Hash reference = Sha256Hash.FromBytes(SHA256.HashData(Encoding.UTF8.GetBytes(result.Value)));
                    if (result.ComputeHash() != reference)
                    {
                        return (checkedValues, $"{field}: Compute differs from SHA256.HashData for conformance case '{@case.Test}'");
                    }

                    byte[] ascii = new byte[@case.Input!.Length + 8];
                    int length = PiiNormalizer.TryNormalizeAscii(field, @case.Input, options, ascii);
                    if (length >= 0 && Sha256Hash.Compute(ascii.AsSpan(0, length)) != reference)
                    {
                        return (checkedValues, $"{field}: the ASCII path differs for conformance case '{@case.Test}'");
                    }

                    if (!expected.Contains(reference))
                    {
                        expected.Add(reference);
                    }

                    checkedValues++;
                }

                HashedValues batch = PiiNormalizer.HashAll(field, cases.Select(c => c.Input), options);
                if (!batch.Hashes.SequenceEqual(expected))
                {
                    return (checkedValues, $"{field}: HashAll over the conformance inputs differs from SHA256.HashData");
                }
            }
        }

        return (checkedValues, null);
    }
}
