using System.Buffers;

namespace CapiKit.Json;

/// <summary>
/// A growable buffer that, unlike <see cref="ArrayBufferWriter{T}"/>, lets its owner rewrite what was written:
/// hashes are patched into place after a payload is written. Reused per thread, so it stops allocating once it
/// has grown to the largest payload.
/// </summary>
internal sealed class ScratchBuffer : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[4096];
    private int _written;

    /// <summary>Everything written so far, writable.</summary>
    public Span<byte> Written => _buffer.AsSpan(0, _written);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>Empties the buffer and wipes it: payloads carry identifiers such as IP addresses.</summary>
    public void Clear()
    {
        Written.Clear();
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written < needed)
        {
            byte[] larger = new byte[Math.Max(_buffer.Length * 2, _written + needed)];
            Written.CopyTo(larger);
            Written.Clear();
            _buffer = larger;
        }
    }
}
