using CapiKit.Pii;

namespace CapiKit.Tests.Conformance;

/// <summary>CapiKit's answer to one conformance case, and whether it is the SDK's.</summary>
internal sealed record ConformanceResult(ConformanceCase Case, NormalizationResult CapiKit, bool Agrees)
{
    public string? CapiKitHash => CapiKit.TryComputeHash(out Sha256Hash hash) ? hash.ToString() : null;

    public static ConformanceResult Evaluate(ConformanceCase @case)
    {
        // Meta's SDK tests give no default region or clock: neither does this run, beyond a fixed today for dates.
        NormalizationResult result = PiiNormalizer.Normalize(@case.Field!, @case.Input, Tests.Pii.Normalize.Options());
        bool agrees = @case switch
        {
            { ExpectsRejection: true } => !result.Succeeded,
            { ExpectedNormalized: { } normalized } => result.Value == normalized,
            { ExpectedHash: { } hash } => result.TryComputeHash(out Sha256Hash ours) && string.Equals(ours.ToString(), hash, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        return new ConformanceResult(@case, result, agrees);
    }
}
