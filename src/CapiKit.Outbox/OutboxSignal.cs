namespace CapiKit.Outbox;

/// <summary>
/// Wakes this process's worker when this process enqueues, so a quiet outbox delivers at once instead of after the
/// poll interval. Other instances still find the events by polling.
/// </summary>
internal sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up is enough.
        }
    }

    /// <summary>Returns when signalled or after <paramref name="timeout"/> on <paramref name="time"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task signalled = _signal.WaitAsync(stop.Token);
        Task delay = Task.Delay(timeout, time, stop.Token);
        await Task.WhenAny(signalled, delay).ConfigureAwait(false);

        // Cancel the loser so no waiter is left behind to swallow the next signal.
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(signalled, delay).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _signal.Dispose();
}
