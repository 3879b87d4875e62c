namespace CapiKit.Outbox;

/// <summary>
/// Where an application hands events for delivery in the background: the one interface every queue implements, so
/// an app switches between them with one line of registration. The outbox (<see cref="IConversionsOutbox"/>) stores
/// events in a database before <see cref="EnqueueAsync"/> returns; an in-memory queue implements the same interface
/// for apps that accept losing what is queued when the process dies.
/// </summary>
public interface IConversionsEventSink
{
    /// <summary>
    /// Accepts the events for delivery. Each event is written (its PII already normalized and hashed) and handed to the
    /// implementation before this returns; what "accepted" guarantees is the implementation's (the outbox: stored).
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; none, some or all of the events may have been accepted.</exception>
    Task EnqueueAsync(IEnumerable<ServerEvent> events, CancellationToken cancellationToken = default);
}
