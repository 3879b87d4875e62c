using System.Diagnostics.Metrics;

namespace CapiKit.AspNetCore.Queue;

/// <summary>
/// The <c>CapiKit.AspNetCore</c> meter: how many events wait (<c>capikit.queue.depth</c>), how long the oldest has
/// waited (<c>capikit.queue.oldest_age</c>), and counters of events queued, sent and dropped (by reason:
/// <c>full</c>, <c>stopped</c>, <c>shutdown</c>). Drops are the number to alert on.
/// </summary>
public sealed class EventQueueMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CapiKit.AspNetCore";

    private readonly Meter _meter;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;
    private Func<int> _depth = static () => 0;
    private Func<double> _oldestAge = static () => 0;

    /// <summary>Creates the meter and its instruments.</summary>
    public EventQueueMetrics()
    {
        _meter = new Meter(MeterName);
        _queued = _meter.CreateCounter<long>("capikit.queue.queued", "{event}", "Events accepted by the in-memory queue.");
        _sent = _meter.CreateCounter<long>("capikit.queue.sent", "{event}", "Events the queue handed to the client (accepted or not by Meta).");
        _dropped = _meter.CreateCounter<long>("capikit.queue.dropped", "{event}", "Events the queue dropped, by reason.");
        _meter.CreateObservableGauge("capikit.queue.depth", () => _depth(), "{event}", "Events waiting in the queue.");
        _meter.CreateObservableGauge("capikit.queue.oldest_age", () => _oldestAge(), "s", "How long the oldest waiting event has waited.");
    }

    /// <summary>This instance's meter: tests listen to it alone.</summary>
    internal Meter Meter => _meter;

    internal void Observe(Func<int> depth, Func<double> oldestAge)
    {
        _depth = depth;
        _oldestAge = oldestAge;
    }

    internal void Queued() => _queued.Add(1);

    internal void Sent(int count) => _sent.Add(count);

    internal void Dropped(int count, string reason) => _dropped.Add(count, new KeyValuePair<string, object?>("reason", reason));

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
