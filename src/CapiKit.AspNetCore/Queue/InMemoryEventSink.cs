using System.Buffers;
using System.Threading.Channels;
using CapiKit.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CapiKit.AspNetCore.Queue;

/// <summary>
/// A bounded in-memory <see cref="IConversionsEventSink"/>: events are written (PII hashed) and queued, and a hosted
/// sender delivers them in batches, so a request never waits for Meta. Memory is bounded by
/// <see cref="EventQueueOptions.Capacity"/>; a full queue waits briefly or drops (counted in
/// <c>capikit.queue.dropped</c> and logged), as <see cref="EventQueueOptions.FullMode"/> says. What is queued is lost
/// if the process dies: add <c>CapiKit.Outbox</c> when no event may be.
/// </summary>
public sealed partial class InMemoryEventSink : IConversionsEventSink
{
    private readonly Channel<QueuedEvent> _channel;
    private readonly EventQueueOptions _options;
    private readonly EventQueueMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private volatile bool _stopping;

    /// <summary>Creates the queue; <c>AddAspNetCore()</c> registers one.</summary>
    public InMemoryEventSink(IOptions<ConversionsWebOptions> options, EventQueueMetrics metrics, TimeProvider time, ILogger<InMemoryEventSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value.Queue;
        _options.Validate();
        _metrics = metrics;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _channel = Channel.CreateBounded<QueuedEvent>(new BoundedChannelOptions(_options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        metrics.Observe(() => Count, OldestAgeSeconds);
    }

    /// <summary>How many events wait.</summary>
    public int Count => _channel.Reader.Count;

    internal ChannelReader<QueuedEvent> Reader => _channel.Reader;

    internal EventQueueOptions Options => _options;

    /// <summary>
    /// Queues each event. Returns when all are queued or dropped: a full queue drops at once under
    /// <see cref="QueueFullMode.Drop"/>, or after <see cref="EventQueueOptions.FullWaitTimeout"/> under
    /// <see cref="QueueFullMode.Wait"/>; a stopped queue drops. Drops never throw: a page must not fail for its event.
    /// </summary>
    public async Task EnqueueAsync(IEnumerable<ServerEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (ServerEvent serverEvent in events)
        {
            ArgumentNullException.ThrowIfNull(serverEvent, nameof(events));
            ArrayBufferWriter<byte> json = new(512);
            serverEvent.WriteTo(json);
            QueuedEvent queued = new(json.WrittenMemory, serverEvent.EventName, _time.GetTimestamp());
            if (_channel.Writer.TryWrite(queued) || await WaitAndWriteAsync(queued, cancellationToken).ConfigureAwait(false))
            {
                _metrics.Queued();
            }
        }
    }

    private async ValueTask<bool> WaitAndWriteAsync(QueuedEvent queued, CancellationToken cancellationToken)
    {
        if (_options.FullMode == QueueFullMode.Wait && _options.FullWaitTimeout > TimeSpan.Zero)
        {
            using CancellationTokenSource timeout = new(_options.FullWaitTimeout, _time);
            using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                while (await _channel.Writer.WaitToWriteAsync(linked.Token).ConfigureAwait(false))
                {
                    if (_channel.Writer.TryWrite(queued))
                    {
                        return true;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The wait ran out: dropped below, like any event that finds no room.
            }
        }

        // No room in time, or the host is stopping (the writer is completed): the event is dropped, never thrown.
        string reason = _stopping ? "stopped" : "full";
        _metrics.Dropped(1, reason);
        LogDropped(_logger, queued.EventName, reason, _options.Capacity);
        return false;
    }

    /// <summary>Stops taking events (later ones are dropped as <c>stopped</c>); the sender sends what is left.</summary>
    internal void Complete()
    {
        _stopping = true;
        _channel.Writer.TryComplete();
    }

    private double OldestAgeSeconds() =>
        _channel.Reader.TryPeek(out QueuedEvent oldest) ? _time.GetElapsedTime(oldest.QueuedAt).TotalSeconds : 0;

    [LoggerMessage(1, LogLevel.Warning, "{EventName} was dropped: the event queue is {Reason} (capacity {Capacity})")]
    private static partial void LogDropped(ILogger logger, string eventName, string reason, int capacity);
}
