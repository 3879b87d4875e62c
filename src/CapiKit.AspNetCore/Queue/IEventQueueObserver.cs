using CapiKit.Delivery;

namespace CapiKit.AspNetCore.Queue;

/// <summary>
/// Told about every batch the background queue sent, with Meta's answer per event: register one (or several) to log
/// failures with the app's own context or print what went out. Called on the sender's thread; keep it quick.
/// </summary>
public interface IEventQueueObserver
{
    /// <summary>One batch went out.</summary>
    /// <param name="events">Each event's JSON as sent (customer data only as hashes), in order.</param>
    /// <param name="report">One result per event, in the same order.</param>
    void Sent(IReadOnlyList<ReadOnlyMemory<byte>> events, DeliveryReport report);
}
