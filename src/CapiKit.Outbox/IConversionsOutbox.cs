namespace CapiKit.Outbox;

/// <summary>
/// A durable queue of Conversions API events. <see cref="IConversionsEventSink.EnqueueAsync"/> returns only once the
/// events are committed to the store (their JSON with hashes only: raw PII never reaches the database); a hosted worker
/// delivers them at least once and records each one's end. Meta deduplicates on <c>event_id</c> + <c>event_name</c>,
/// so give every event an <c>event_id</c>: a resend after a crash is then harmless.
/// </summary>
public interface IConversionsOutbox : IConversionsEventSink
{
    /// <summary>Events that ended failed, oldest first, with Meta's code, subcode and message or the pre-flight reason.</summary>
    /// <param name="limit">How many to return at most.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<IReadOnlyList<FailedOutboxEvent>> ListFailedAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts failed events back in the queue, to be sent as soon as a worker is free; returns how many were. Events that
    /// are not failed are left alone. An event past Meta's <c>event_time</c> window fails pre-flight again.
    /// </summary>
    /// <param name="ids">The <see cref="FailedOutboxEvent.Id"/>s to retry.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    Task<int> RetryFailedAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default);

    /// <summary>How many events wait for delivery and since when the oldest one waits.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken = default);
}
