using System.Buffers.Binary;

namespace CapiKit.Pii.Hashing;

/// <summary>
/// Every hashed <c>user_data</c> value of one object, in one byte array: normalized values wait there for their
/// hash until the payload is written, so a whole request's values are hashed in one batch (16 or 8 at a time)
/// instead of one vector compression each as they are added, and no list is allocated per key.
/// </summary>
/// <remarks>
/// Entries follow each other in the order they were added: a key index, a kind (normalized UTF-8 or a 32-byte
/// digest given by the caller), a 16-bit length, the bytes. The digests of the normalized entries, in entry order,
/// are computed only when a getter asks for them, then kept until the next change. The bytes are personal data: the
/// owner shows none of this in <c>ToString()</c> or the debugger.
/// </remarks>
internal partial struct HashedValueStore
{
    private const int HeaderLength = 4;
    private const byte NormalizedKind = 0;
    private const byte DigestKind = 1;
    private const int InitialCapacity = 128;

    [ThreadStatic]
    private static Sha256Queue? t_queue;

    [ThreadStatic]
    private static Sha256Hash[]? t_digests;

    private byte[]? _bytes;
    private int _length;

    // One bit per key that holds a value (keys 0 to 63): writing visits each of the object's keys, most of them unset.
    private ulong _keys;
    private Sha256Hash[]? _digests;

    /// <summary>The number of normalized values waiting for their hash.</summary>
    public int PendingCount { get; private set; }

    /// <summary>The digests of the normalized values, in entry order, when a getter has already computed them.</summary>
    public readonly Sha256Hash[]? ComputedDigests => _digests;

    /// <summary>Adds a normalized value to <paramref name="key"/> unless the key already holds it (or its hash).</summary>
    public void AddNormalized(int key, ReadOnlySpan<byte> normalized)
    {
        bool keyHasDigests = false;
        for (int at = 0; at < _length; at = Next(at))
        {
            if (KeyAt(at) != key)
            {
                continue;
            }

            if (KindAt(at) == DigestKind)
            {
                keyHasDigests = true;
            }
            else if (ValueAt(at).SequenceEqual(normalized))
            {
                return;
            }
        }

        // Beside a caller's digest, or beyond the 16-bit length, a value is kept by its hash: that comparison
        // decides what is a duplicate, and the payload is the same either way.
        if (keyHasDigests || normalized.Length > ushort.MaxValue)
        {
            AddDigest(key, Sha256Hash.Compute(normalized));
            return;
        }

        Append(key, NormalizedKind, normalized);
        PendingCount++;
        _digests = null;
    }

    /// <summary>Adds a computed hash to <paramref name="key"/> unless the key already holds it.</summary>
    public void AddDigest(int key, Sha256Hash hash)
    {
        for (int at = 0; at < _length; at = Next(at))
        {
            if (KeyAt(at) == key && HashAt(at) == hash)
            {
                return;
            }
        }

        Span<byte> digest = stackalloc byte[Sha256Hash.ByteLength];
        hash.CopyTo(digest);
        Append(key, DigestKind, digest);
    }

    /// <summary>Removes every value of <paramref name="key"/>.</summary>
    public void Clear(int key)
    {
        int kept = 0;
        for (int at = 0; at < _length;)
        {
            int next = Next(at);
            if (KeyAt(at) == key)
            {
                if (KindAt(at) == NormalizedKind)
                {
                    PendingCount--;
                    _digests = null;
                }
            }
            else
            {
                _bytes.AsSpan(at, next - at).CopyTo(_bytes.AsSpan(kept));
                kept += next - at;
            }

            at = next;
        }

        _bytes.AsSpan(kept, _length - kept).Clear();
        _length = kept;
        _keys &= ~(1UL << key);
    }

    /// <summary>The distinct hashes of <paramref name="key"/>, in the order they were added.</summary>
    public Sha256Hash[] Hashes(int key)
    {
        if ((_keys & (1UL << key)) == 0)
        {
            return [];
        }

        int count = 0;
        for (int at = 0; at < _length; at = Next(at))
        {
            count += KeyAt(at) == key ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        Sha256Hash[] hashes = new Sha256Hash[count];
        ReadOnlySpan<Sha256Hash> pending = ComputeDigests();
        int found = 0;
        int ordinal = 0;
        for (int at = 0; at < _length; at = Next(at))
        {
            bool normalized = KindAt(at) == NormalizedKind;
            if (KeyAt(at) == key)
            {
                hashes[found++] = normalized ? pending[ordinal] : HashAt(at);
            }

            ordinal += normalized ? 1 : 0;
        }

        return hashes;
    }

    /// <summary>The first hash of <paramref name="key"/>, or null.</summary>
    public Sha256Hash? Hash(int key)
    {
        Sha256Hash[] hashes = Hashes(key);
        return hashes.Length == 0 ? null : hashes[0];
    }

    /// <summary>Queues the normalized values, in entry order, to be hashed with others.</summary>
    public readonly void QueueTo(Sha256Queue queue)
    {
        for (int at = 0; at < _length; at = Next(at))
        {
            if (KindAt(at) == NormalizedKind)
            {
                queue.Add(ValueAt(at));
            }
        }
    }

    /// <summary>A copy that shares nothing this one will change.</summary>
    public readonly HashedValueStore Clone()
    {
        HashedValueStore copy = this;
        copy._bytes = _bytes is null ? null : _bytes.AsSpan(0, _length).ToArray();
        return copy;
    }

    /// <summary>
    /// Hashes the normalized values in one batch, on a queue kept per thread, and returns their digests in entry
    /// order. The span is valid until the next call on this thread.
    /// </summary>
    public readonly ReadOnlySpan<Sha256Hash> HashPending()
    {
        if (PendingCount == 0)
        {
            return default;
        }

        Sha256Queue queue = t_queue ??= new Sha256Queue();
        try
        {
            QueueTo(queue);
            queue.HashAll();
            if (t_digests is null || t_digests.Length < queue.Count)
            {
                t_digests = new Sha256Hash[Math.Max(queue.Count, 32)];
            }

            queue.Hashes.CopyTo(t_digests);
            return t_digests.AsSpan(0, queue.Count);
        }
        finally
        {
            // The queue held normalized personal data; Clear wipes it.
            queue.Clear();
        }
    }

    /// <summary>The digests of the normalized values, kept until the next change.</summary>
    private Sha256Hash[] ComputeDigests() => _digests ??= HashPending().ToArray();

    private void Append(int key, byte kind, ReadOnlySpan<byte> value)
    {
        // The generator numbers an object's hashed keys from 0; _keys has room for 64 of them.
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)key, 64u, nameof(key));
        int needed = _length + HeaderLength + value.Length;
        if (_bytes is null || _bytes.Length < needed)
        {
            byte[] larger = new byte[Math.Max(needed, Math.Max(InitialCapacity, (_bytes?.Length ?? 0) * 2))];
            _bytes.AsSpan(0, _length).CopyTo(larger);
            _bytes.AsSpan().Clear();
            _bytes = larger;
        }

        _keys |= 1UL << key;
        _bytes[_length] = (byte)key;
        _bytes[_length + 1] = kind;
        BinaryPrimitives.WriteUInt16LittleEndian(_bytes.AsSpan(_length + 2), checked((ushort)value.Length));
        value.CopyTo(_bytes.AsSpan(_length + HeaderLength));
        _length = needed;
    }

    private readonly int KeyAt(int at) => _bytes![at];

    private readonly byte KindAt(int at) => _bytes![at + 1];

    private readonly int LengthAt(int at) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(at + 2));

    private readonly ReadOnlySpan<byte> ValueAt(int at) => _bytes.AsSpan(at + HeaderLength, LengthAt(at));

    private readonly Sha256Hash HashAt(int at) => KindAt(at) == DigestKind ? Sha256Hash.FromBytes(ValueAt(at)) : Sha256Hash.Compute(ValueAt(at));

    private readonly int Next(int at) => at + HeaderLength + LengthAt(at);
}
