namespace CapiKit.Outbox.Storage;

/// <summary>Where an event is in its life; stored as the integer value.</summary>
public enum OutboxEventState
{
    /// <summary>Waiting for delivery, or being sent (then a worker holds a lease on it).</summary>
    Pending = 0,

    /// <summary>Meta accepted it.</summary>
    Delivered = 1,

    /// <summary>It ended without delivery; it can be retried by hand.</summary>
    Failed = 2,
}
