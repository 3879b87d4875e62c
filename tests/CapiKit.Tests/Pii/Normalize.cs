using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

/// <summary>Short forms for the table tests.</summary>
internal static class Normalize
{
    /// <summary>A fixed "today" so date tests do not age: 2026-11-26.</summary>
    public static readonly TimeProvider Today = new FixedClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public static string? Value(string field, string? raw, string? region = null, DateOrder order = DateOrder.MonthFirst)
    {
        NormalizationResult result = PiiNormalizer.Normalize(field, raw, Options(region, order));
        return result.Value;
    }

    public static NormalizationFailure? Failure(string field, string? raw, string? region = null)
    {
        NormalizationResult result = PiiNormalizer.Normalize(field, raw, Options(region, DateOrder.MonthFirst));
        return result.Error?.Reason;
    }

    public static bool IsHashedKey(string field) => PiiNormalizer.TryGetKey(field, out UserDataKey? key) && key.IsHashed;

    public static NormalizationOptions Options(string? region = null, DateOrder order = DateOrder.MonthFirst) =>
        new() { DefaultRegion = region, DateOrder = order, TimeProvider = Today };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
