namespace CapiKit.Outbox;

/// <summary>How the outbox worker drains the store.</summary>
public sealed class OutboxOptions
{
    /// <summary>The most events a worker claims and sends at once; Meta takes at most 1,000 per request.</summary>
    public int BatchSize { get; set; } = CapiSchema.MaxEventsPerRequest;

    /// <summary>How long a worker waits before looking again when nothing is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claim lasts. A worker that dies holds its events this long; then another sends them again (at least
    /// once). Keep it above the client's retries: attempts times the attempt timeout, plus the backoff.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first transient failure (outage, throttling) that outlasted the client's retries; doubled each time.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts of one event.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long delivered events stay in the store before they are pruned; null keeps them.</summary>
    public TimeSpan? DeliveredRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the worker prunes delivered events.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker refreshes the depth and oldest-age metrics.</summary>
    public TimeSpan StatsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this process runs a worker; false for instances that only enqueue.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (BatchSize is < 1 or > CapiSchema.MaxEventsPerRequest)
        {
            throw new InvalidOperationException($"OutboxOptions.BatchSize must be from 1 to {CapiSchema.MaxEventsPerRequest}.");
        }

        if (PollInterval <= TimeSpan.Zero || LeaseDuration <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new InvalidOperationException("OutboxOptions: the intervals must be positive and RetryMaxDelay at least RetryBaseDelay.");
        }
    }
}
