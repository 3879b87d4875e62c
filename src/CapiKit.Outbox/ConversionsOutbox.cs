using System.Buffers;
using CapiKit.Outbox.Storage;

namespace CapiKit.Outbox;

/// <summary>The outbox's front: writes each event's JSON (hashes only) and stores the lot in one transaction.</summary>
internal sealed class ConversionsOutbox : IConversionsOutbox
{
    private readonly IOutboxStore _store;
    private readonly TimeProvider _time;
    private readonly OutboxSignal _signal;
    private readonly OutboxMetrics _metrics;
    private readonly SchemaGate _schema;

    public ConversionsOutbox(IOutboxStore store, SchemaGate schema, TimeProvider time, OutboxSignal signal, OutboxMetrics metrics)
    {
        _store = store;
        _schema = schema;
        _time = time;
        _signal = signal;
        _metrics = metrics;
    }

    public async Task EnqueueAsync(IEnumerable<ServerEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        List<NewOutboxEvent> rows = [];
        foreach (ServerEvent serverEvent in events)
        {
            if (serverEvent is null)
            {
                throw new ArgumentException($"Event {rows.Count} is null.", nameof(events));
            }

            ArrayBufferWriter<byte> json = new(512);
            serverEvent.WriteTo(json);
            rows.Add(new NewOutboxEvent(serverEvent.EventId, serverEvent.EventName, serverEvent.EventTime.ToUnixTimeSeconds(), json.WrittenMemory));
        }

        if (rows.Count == 0)
        {
            return;
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _store.AddAsync(rows, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _metrics.Enqueued(rows.Count);
        _signal.Notify();
    }

    public async Task<IReadOnlyList<FailedOutboxEvent>> ListFailedAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _store.ListFailedAsync(limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RetryFailedAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        long[] list = ids.Distinct().ToArray();
        if (list.Length == 0)
        {
            return 0;
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        int requeued = await _store.RequeueFailedAsync(list, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        _signal.Notify();
        return requeued;
    }

    public async Task<OutboxStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
    }
}
