using CapiKit.Pii;
using CapiKit.Pii.Hashing;

namespace CapiKit.Json;

/// <summary>
/// The pending <c>user_data</c> values of a whole request, hashed in one batch before the request is written:
/// each <see cref="UserData"/> then writes its digests from here instead of hashing its few values on its own
/// (a sixteenth of a vector compression per value instead of an eighth or more).
/// </summary>
/// <remarks>
/// Scoped to the thread that writes the request. A <see cref="UserData"/> finds its digests by identity, in the
/// order the events were queued; one that is not found (or changed since) hashes its own values, so the bytes
/// never depend on whether the batch was used.
/// </remarks>
internal sealed class RequestHashes
{
    [ThreadStatic]
    private static RequestHashes? t_active;

    [ThreadStatic]
    private static RequestHashes? t_spare;

    private readonly Sha256Queue _queue = new();
    private UserData?[] _owners = new UserData?[64];
    private int[] _firsts = new int[64];
    private int _count;
    private int _cursor;
    private RequestHashes? _outer;

    /// <summary>Hashes the pending values of <paramref name="events"/>' user data together, until the scope ends.</summary>
    public static Scope Begin(List<ServerEvent>? events)
    {
        if (events is not { Count: > 1 })
        {
            return default;
        }

        RequestHashes batch = t_spare ?? new RequestHashes();
        t_spare = null;
        foreach (ServerEvent serverEvent in events)
        {
            UserData data = serverEvent.UserData;
            if (data.PendingHashCount > 0 && !data.HasComputedHashes)
            {
                batch.Queue(data);
            }
        }

        if (batch._queue.Count > 0)
        {
            batch._queue.HashAll();
        }

        batch._outer = t_active;
        t_active = batch;
        return new Scope(batch);
    }

    /// <summary>The digests of <paramref name="data"/>'s pending values, if this thread's request batch holds them.</summary>
    public static bool TryTake(UserData data, out ReadOnlySpan<Sha256Hash> digests)
    {
        digests = default;
        if (t_active is not { } batch)
        {
            return false;
        }

        for (int i = batch._cursor; i < batch._count; i++)
        {
            if (!ReferenceEquals(batch._owners[i], data))
            {
                continue;
            }

            batch._cursor = i + 1;
            int end = i + 1 < batch._count ? batch._firsts[i + 1] : batch._queue.Count;
            if (end - batch._firsts[i] != data.PendingHashCount)
            {
                return false;
            }

            digests = batch._queue.Hashes[batch._firsts[i]..end];
            return true;
        }

        return false;
    }

    private void Queue(UserData data)
    {
        if (_count == _owners.Length)
        {
            Array.Resize(ref _owners, _count * 2);
            Array.Resize(ref _firsts, _count * 2);
        }

        _owners[_count] = data;
        _firsts[_count] = _queue.Count;
        _count++;
        data.QueuePendingHashes(_queue);
    }

    private void End()
    {
        t_active = _outer;
        _outer = null;

        // The queue held normalized personal data; Clear wipes it. The owners are let go for the collector.
        _queue.Clear();
        Array.Clear(_owners, 0, _count);
        _count = 0;
        _cursor = 0;
        t_spare = this;
    }

    /// <summary>Ends the batch (restoring an outer one) when the request has been written.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly RequestHashes? _batch;

        public Scope(RequestHashes batch) => _batch = batch;

        public void Dispose() => _batch?.End();
    }
}
