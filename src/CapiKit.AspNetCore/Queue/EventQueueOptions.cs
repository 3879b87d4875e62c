namespace CapiKit.AspNetCore.Queue;

/// <summary>What a full queue does with one more event.</summary>
public enum QueueFullMode
{
    /// <summary>Wait up to <see cref="EventQueueOptions.FullWaitTimeout"/> for room, then drop (counted and logged).</summary>
    Wait,

    /// <summary>Drop at once (counted and logged): a page never waits.</summary>
    Drop,
}

/// <summary>Limits of the in-memory queue and its sender.</summary>
public sealed class EventQueueOptions
{
    /// <summary>The most events held in memory; beyond it <see cref="FullMode"/> applies.</summary>
    public int Capacity { get; set; } = 10_000;

    /// <summary>What happens to an event that finds the queue full.</summary>
    public QueueFullMode FullMode { get; set; } = QueueFullMode.Wait;

    /// <summary>How long <see cref="QueueFullMode.Wait"/> waits for room before dropping.</summary>
    public TimeSpan FullWaitTimeout { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The most events sent in one call; Meta takes at most 1,000 per request.</summary>
    public int MaxBatchSize { get; set; } = CapiSchema.MaxEventsPerRequest;

    /// <summary>How long the sender waits for more events after the first of a batch, so busy sites send full requests.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long stopping the host may take to send what is queued; what is left then is dropped and counted.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws when the options cannot work.</summary>
    public void Validate()
    {
        if (Capacity < 1 || MaxBatchSize is < 1 or > CapiSchema.MaxEventsPerRequest)
        {
            throw new InvalidOperationException($"EventQueueOptions: Capacity must be positive and MaxBatchSize from 1 to {CapiSchema.MaxEventsPerRequest}.");
        }

        if (FullWaitTimeout < TimeSpan.Zero || Linger < TimeSpan.Zero || ShutdownTimeout < TimeSpan.Zero)
        {
            throw new InvalidOperationException("EventQueueOptions: the timeouts must not be negative.");
        }
    }
}
