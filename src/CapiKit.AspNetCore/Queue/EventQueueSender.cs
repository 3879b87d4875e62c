using CapiKit.Delivery;
using CapiKit.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CapiKit.AspNetCore.Queue;

/// <summary>
/// Drains <see cref="InMemoryEventSink"/>: takes what is waiting, lingers briefly for more (up to
/// <see cref="EventQueueOptions.MaxBatchSize"/>), and sends the batch through <see cref="ConversionsApiClient"/>, which
/// checks, retries and reports each event. On shutdown the queue stops taking events and what it holds is sent within
/// <see cref="EventQueueOptions.ShutdownTimeout"/> (and the host's own shutdown timeout); the rest is dropped and counted.
/// </summary>
internal sealed partial class EventQueueSender(
    InMemoryEventSink queue,
    IServiceProvider services,
    EventQueueMetrics metrics,
    TimeProvider time,
    ILogger<EventQueueSender>? logger = null) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abandon = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private Task? _sending;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // A durable outbox registered after AddAspNetCore() replaces the in-memory queue as the app's sink; then
        // nothing is ever queued here, and there is nothing to drain.
        if (!ReferenceEquals(services.GetRequiredService<IConversionsEventSink>(), queue))
        {
            return Task.CompletedTask;
        }

        // Resolved once here so a misconfigured client fails the start, loudly; then once per batch, since a typed
        // HttpClient kept for the app's lifetime would keep its handler (and its DNS answers) just as long.
        _ = services.GetRequiredService<ConversionsApiClient>();
        IEventQueueObserver[] observers = services.GetServices<IEventQueueObserver>().ToArray();
        _sending = Task.Run(() => SendAllAsync(observers, _abandon.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        if (_sending is null)
        {
            return;
        }

        using CancellationTokenSource drain = new(queue.Options.ShutdownTimeout, time);
        using CancellationTokenSource either = CancellationTokenSource.CreateLinkedTokenSource(drain.Token, cancellationToken);
        try
        {
            await _sending.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Out of time: cancel the send in flight and count what never left.
            await _abandon.CancelAsync().ConfigureAwait(false);
            await _sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            int left = 0;
            while (queue.Reader.TryRead(out _))
            {
                left++;
            }

            if (left > 0)
            {
                metrics.Dropped(left, "shutdown");
                LogAbandoned(_logger, left);
            }
        }
    }

    public void Dispose() => _abandon.Dispose();

    private async Task SendAllAsync(IEventQueueObserver[] observers, CancellationToken abandon)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(abandon).ConfigureAwait(false))
            {
                List<QueuedEvent> batch = await TakeBatchAsync(abandon).ConfigureAwait(false);
                await SendAsync(services.GetRequiredService<ConversionsApiClient>(), observers, batch, abandon).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            // Shutdown ran out of time; StopAsync counts what is left.
        }
    }

    private async Task<List<QueuedEvent>> TakeBatchAsync(CancellationToken abandon)
    {
        int max = queue.Options.MaxBatchSize;
        List<QueuedEvent> batch = [];
        Fill(batch, max);
        if (batch.Count >= max || queue.Options.Linger <= TimeSpan.Zero)
        {
            return batch;
        }

        using CancellationTokenSource linger = new(queue.Options.Linger, time);
        using CancellationTokenSource either = CancellationTokenSource.CreateLinkedTokenSource(linger.Token, abandon);
        try
        {
            // Ends early when the batch is full or the queue is completed and empty (shutdown sends at once).
            while (batch.Count < max && await queue.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false))
            {
                Fill(batch, max);
            }
        }
        catch (OperationCanceledException) when (!abandon.IsCancellationRequested)
        {
            // Lingered long enough: send what there is.
        }

        return batch;
    }

    private void Fill(List<QueuedEvent> batch, int max)
    {
        while (batch.Count < max && queue.Reader.TryRead(out QueuedEvent queued))
        {
            batch.Add(queued);
        }
    }

    private async Task SendAsync(ConversionsApiClient client, IEventQueueObserver[] observers, List<QueuedEvent> batch, CancellationToken abandon)
    {
        ReadOnlyMemory<byte>[] events = batch.Select(e => e.Json).ToArray();
        try
        {
            DeliveryReport report = await client.SendSerializedAsync(events, abandon).ConfigureAwait(false);
            metrics.Sent(events.Length);
            Notify(observers, events, report);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            // Shutdown ran out of time with this batch in flight: counted here, the rest of the queue by StopAsync.
            metrics.Dropped(events.Length, "shutdown");
            throw;
        }
        catch (Exception e)
        {
            // The client reports Meta's answers itself, so this is a bug. Type only: messages of unknown exceptions
            // may quote what they were given.
            metrics.Dropped(events.Length, "error");
            LogSendFailed(_logger, events.Length, e.GetType().Name);
        }
    }

    private void Notify(IEventQueueObserver[] observers, ReadOnlyMemory<byte>[] events, DeliveryReport report)
    {
        foreach (IEventQueueObserver observer in observers)
        {
            try
            {
                observer.Sent(events, report);
            }
            catch (Exception e)
            {
                // An observer's failure must not stop the sender; the events went out all the same.
                LogObserverFailed(_logger, observer.GetType().Name, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Shutdown ran out of time: {Count} queued events were not sent")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(2, LogLevel.Error, "A batch of {Count} events could not be sent: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, int count, string reason);

    [LoggerMessage(3, LogLevel.Warning, "The event queue observer {Observer} failed: {Reason}")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string reason);
}
