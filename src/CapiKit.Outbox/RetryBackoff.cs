namespace CapiKit.Outbox;

/// <summary>
/// When a transiently failed event is due again: the base delay doubled per attempt, capped, with jitter so that
/// instances recovering from one outage do not all come back in the same second. Stored in the row, so the wait
/// survives restarts.
/// </summary>
internal static class RetryBackoff
{
    public static DateTimeOffset NextAttempt(DateTimeOffset now, int attempts, OutboxOptions options)
    {
        double exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        double delay = Math.Min(options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), options.RetryMaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        double jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
#pragma warning restore CA5394
        return now + TimeSpan.FromMilliseconds(delay * jitter);
    }
}
