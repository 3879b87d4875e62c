namespace CapiKit.Outbox;

/// <summary>The queue's depth: events not yet delivered nor failed, and when the oldest of them was enqueued.</summary>
/// <param name="Pending">Events waiting (or being sent).</param>
/// <param name="OldestPendingEnqueuedAt">When the oldest waiting event was enqueued; null when none waits.</param>
public sealed record OutboxStats(long Pending, DateTimeOffset? OldestPendingEnqueuedAt);
