using CapiKit.Outbox.Storage;

namespace CapiKit.Outbox;

/// <summary>
/// Creates or migrates the store's schema once per process, on first use, whether that is an enqueue before the
/// worker has started or the worker itself. A failure is not cached: the next call tries again.
/// </summary>
internal sealed class SchemaGate(IOutboxStore store) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
