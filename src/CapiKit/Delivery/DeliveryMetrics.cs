using System.Diagnostics.Metrics;

namespace CapiKit.Delivery;

/// <summary>
/// Counters of the <c>CapiKit.Delivery</c> meter: events accepted and failed (by failure kind), requests (by
/// outcome) and request duration. Collect them with OpenTelemetry or <c>dotnet-counters</c>.
/// </summary>
public sealed class DeliveryMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "CapiKit.Delivery";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the meter and its instruments.</summary>
    public DeliveryMetrics()
    {
        _meter = new Meter(MeterName);
        _accepted = _meter.CreateCounter<long>("capikit.events.accepted", "{event}", "Events Meta accepted.");
        _failed = _meter.CreateCounter<long>("capikit.events.failed", "{event}", "Events not delivered, by failure kind.");
        _requests = _meter.CreateCounter<long>("capikit.requests", "{request}", "Requests sent to the events endpoint, by outcome.");
        _duration = _meter.CreateHistogram<double>("capikit.request.duration", "ms", "Time from sending a request to its final answer, retries included.");
    }

    internal void Accepted(int count) => _accepted.Add(count);

    internal void Failed(int count, FailureKind kind) => _failed.Add(count, new KeyValuePair<string, object?>("kind", kind.ToString()));

    internal void Request(bool success, double milliseconds)
    {
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", success ? "accepted" : "failed"));
        _duration.Record(milliseconds);
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
