namespace CapiKit.Outbox.Storage;

/// <summary>
/// The database under the outbox. CapiKit.Outbox.Sqlite and CapiKit.Outbox.PostgreSql implement it; the worker and
/// <see cref="IConversionsOutbox"/> use only this. Every time comes from the caller (the app's
/// <see cref="TimeProvider"/>), never from the database's clock, so tests can move time and hosts can disagree on it.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Creates or migrates the tables; safe to call from every instance at once, and again.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Stores the events as pending, due at <paramref name="now"/>, in one transaction; returns once committed.</summary>
    Task AddAsync(IReadOnlyList<NewOutboxEvent> events, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> pending events that are due (not claimed, or whose lease has expired), for
    /// <paramref name="workerId"/> until <paramref name="leaseUntil"/>, counting one attempt each. Several workers may
    /// call it at once; no event goes to two of them while its lease runs.
    /// </summary>
    Task<IReadOnlyList<ClaimedOutboxEvent>> ClaimAsync(string workerId, int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Records how claimed events ended. Applies only to events still pending and claimed by <paramref name="workerId"/>:
    /// a worker whose lease expired and was taken over cannot mark an event a second time. Returns the rows changed.
    /// </summary>
    Task<int> CompleteAsync(string workerId, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The number of pending events and the enqueue time of the oldest.</summary>
    Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>Failed events, oldest first.</summary>
    Task<IReadOnlyList<FailedOutboxEvent>> ListFailedAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Makes failed events pending again, due at <paramref name="now"/>, with no attempts; returns how many.</summary>
    Task<int> RequeueFailedAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes delivered events completed before <paramref name="completedBefore"/>; returns how many.</summary>
    Task<int> PruneDeliveredAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken);
}
