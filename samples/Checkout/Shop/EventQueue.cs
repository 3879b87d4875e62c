using System.Threading.Channels;
using CapiKit;

namespace Checkout.Shop;

/// <summary>
/// Events leave the request path: a page hands its event to this bounded queue and answers at once, and a hosted
/// service sends the events in order, so a slow or unreachable Meta never slows a page. When the queue is full the
/// event is dropped with a warning (a page must not wait), and on shutdown the queue is drained within the host's
/// shutdown timeout. CapiKit's durable outbox (CapiKit.Outbox) is the choice when no event may be lost.
/// </summary>
public sealed partial class EventQueue(ConversionsSender sender, ILogger<EventQueue> logger) : IHostedService
{
    private const int Capacity = 1_000;

    private readonly Channel<ServerEvent> _events = Channel.CreateBounded<ServerEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private Task? _sending;

    /// <summary>Queues the event for sending; false (and a warning) when the queue is full.</summary>
    public bool Enqueue(ServerEvent serverEvent)
    {
        if (_events.Writer.TryWrite(serverEvent))
        {
            return true;
        }

        LogDropped(logger, serverEvent.EventName, Capacity);
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sending = Task.Run(SendAllAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking events and sends what is queued; the host's shutdown timeout bounds the wait.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _events.Writer.TryComplete();
        if (_sending is not null)
        {
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SendAllAsync()
    {
        await foreach (ServerEvent serverEvent in _events.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await sender.SendAsync(serverEvent, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogSendFailed(logger, serverEvent.EventName, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "The event queue is full ({Capacity} events); {EventName} was dropped")]
    private static partial void LogDropped(ILogger logger, string eventName, int capacity);

    [LoggerMessage(2, LogLevel.Error, "{EventName} could not be sent: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string eventName, string reason);
}
