namespace CapiKit.Outbox.Storage;

/// <summary>An event a worker claimed for sending.</summary>
/// <param name="Id">The row id.</param>
/// <param name="Payload">The event's stored JSON.</param>
/// <param name="Attempts">Attempts so far, this one included.</param>
public sealed record ClaimedOutboxEvent(long Id, byte[] Payload, int Attempts);
