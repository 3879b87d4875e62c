using System.Diagnostics.Metrics;

namespace CapiKit.Outbox;

/// <summary>
/// The <c>CapiKit.Outbox</c> meter: queue depth and the age of the oldest pending event (as last read from the store
/// by this process's worker), and counters of events enqueued, delivered, failed (by kind) and rescheduled after a
/// transient failure. Collect them with OpenTelemetry or <c>dotnet-counters</c>.
/// </summary>
public sealed class OutboxMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CapiKit.Outbox";

    private readonly Meter _meter;
    private readonly Counter<long> _enqueued;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retries;
    private readonly TimeProvider _time;
    private OutboxStats? _stats;

    /// <summary>Creates the meter and its instruments.</summary>
    public OutboxMetrics(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _meter = new Meter(MeterName);
        _enqueued = _meter.CreateCounter<long>("capikit.outbox.enqueued", "{event}", "Events stored in the outbox.");
        _delivered = _meter.CreateCounter<long>("capikit.outbox.delivered", "{event}", "Events Meta accepted from the outbox.");
        _failed = _meter.CreateCounter<long>("capikit.outbox.failed", "{event}", "Events the outbox ended as failed, by kind.");
        _retries = _meter.CreateCounter<long>("capikit.outbox.retries", "{event}", "Events put back to wait after a transient failure.");
        _meter.CreateObservableGauge("capikit.outbox.depth", () => _stats?.Pending ?? 0, "{event}", "Events waiting for delivery.");
        _meter.CreateObservableGauge("capikit.outbox.oldest_pending_age", OldestAge, "s", "How long the oldest waiting event has waited.");
    }

    /// <summary>This instance's meter: tests listen to it alone, not to every outbox in the process.</summary>
    internal Meter Meter => _meter;

    internal void Enqueued(int count) => _enqueued.Add(count);

    internal void Delivered(int count) => _delivered.Add(count);

    internal void Failed(int count, string kind) => _failed.Add(count, new KeyValuePair<string, object?>("kind", kind));

    internal void Retried(int count) => _retries.Add(count);

    internal void Observed(OutboxStats stats) => _stats = stats;

    private double OldestAge() =>
        _stats?.OldestPendingEnqueuedAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0;

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
