using System.Text;

namespace CapiKit.Pii.Hashing;

/// <summary>
/// Values waiting to be hashed together: their UTF-8 bytes side by side in one reusable buffer, so queuing a
/// value allocates nothing once the buffers have grown to the batch's size.
/// </summary>
internal sealed class Sha256Queue
{
    private byte[] _bytes = new byte[1024];
    private int _length;
    private int[] _ends = new int[32];
    private Sha256Hash[] _hashes = new Sha256Hash[32];
    private bool _hashed;

    /// <summary>The number of queued values.</summary>
    public int Count { get; private set; }

    /// <summary>Queues the UTF-8 encoding of <paramref name="text"/>; returns its index.</summary>
    public int Add(ReadOnlySpan<char> text)
    {
        EnsureBytes(Encoding.UTF8.GetMaxByteCount(text.Length));
        return Append(Encoding.UTF8.GetBytes(text, _bytes.AsSpan(_length)));
    }

    /// <summary>Queues UTF-8 bytes; returns their index.</summary>
    public int Add(ReadOnlySpan<byte> utf8)
    {
        EnsureBytes(utf8.Length);
        utf8.CopyTo(_bytes.AsSpan(_length));
        return Append(utf8.Length);
    }

    /// <summary>
    /// Room for up to <paramref name="maxLength"/> bytes of the next value, to be written in place and queued
    /// with <see cref="Commit"/>: a normalizer can write straight into the queue.
    /// </summary>
    public Span<byte> Reserve(int maxLength)
    {
        EnsureBytes(maxLength);
        return _bytes.AsSpan(_length, maxLength);
    }

    /// <summary>Queues the first <paramref name="length"/> bytes written into <see cref="Reserve"/>'s span; returns their index.</summary>
    public int Commit(int length) => Append(length);

    /// <summary>Hashes every queued value, 16 or 8 at a time where the hardware allows.</summary>
    public void HashAll()
    {
        BatchSha256.HashAll(_bytes.AsSpan(0, _length), _ends.AsSpan(0, Count), _hashes);
        _hashed = true;
    }

    /// <summary>The digest of value <paramref name="index"/>, after <see cref="HashAll"/>.</summary>
    public Sha256Hash this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _hashed ? _hashes[index] : throw new InvalidOperationException("The queue has not been hashed yet.");
        }
    }

    /// <summary>The digests of every queued value, in queue order, after <see cref="HashAll"/>.</summary>
    public ReadOnlySpan<Sha256Hash> Hashes =>
        _hashed ? _hashes.AsSpan(0, Count) : throw new InvalidOperationException("The queue has not been hashed yet.");

    /// <summary>Empties the queue and wipes the bytes it held: they are personal data.</summary>
    public void Clear()
    {
        _bytes.AsSpan(0, _length).Clear();
        _length = 0;
        Count = 0;
        _hashed = false;
    }

    private int Append(int length)
    {
        if (Count == _ends.Length)
        {
            Array.Resize(ref _ends, Count * 2);
            Array.Resize(ref _hashes, Count * 2);
        }

        _length += length;
        _ends[Count] = _length;
        _hashed = false;
        return Count++;
    }

    private void EnsureBytes(int needed)
    {
        if (_bytes.Length - _length < needed)
        {
            byte[] larger = new byte[Math.Max(_bytes.Length * 2, _length + needed)];
            _bytes.AsSpan(0, _length).CopyTo(larger);
            _bytes.AsSpan(0, _length).Clear();
            _bytes = larger;
        }
    }
}
