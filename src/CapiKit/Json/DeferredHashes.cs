using System.Buffers;
using System.Text.Json;
using CapiKit.Pii;
using CapiKit.Pii.Hashing;

namespace CapiKit.Json;

/// <summary>
/// Writes a payload with its hashes filled in afterwards, so all of them are computed in one batch. While the
/// payload is written, each hashed value is queued and 64 placeholder digits are written where its hex goes;
/// then the queue is hashed 16 or 8 at a time and the digits are overwritten in place before the payload is
/// copied to the caller's buffer. The output is byte for byte what hashing each value on the spot writes.
/// </summary>
internal sealed class DeferredHashes
{
    // Encoded once, so the writer does not scan 64 digits for characters to escape on every hashed value; the
    // one-item array is written raw, one call instead of three.
    private static readonly JsonEncodedText Placeholder = JsonEncodedText.Encode("0000000000000000000000000000000000000000000000000000000000000000"u8);

    private static ReadOnlySpan<byte> PlaceholderArray => "[\"0000000000000000000000000000000000000000000000000000000000000000\"]"u8;

    // The writer whose hashes are deferred on this thread, and a spare instance to reuse for the next payload.
    [ThreadStatic]
    private static DeferredHashes? t_active;

    [ThreadStatic]
    private static DeferredHashes? t_spare;

    private readonly ScratchBuffer _scratch = new();
    private readonly Sha256Queue _queue = new();
    private int[] _offsets = new int[32];
    private Utf8JsonWriter? _writer;

    /// <summary>
    /// Runs <paramref name="write"/> against a writer whose hashed values <see cref="WriteDeferred(Utf8JsonWriter, JsonEncodedText, string, bool)"/> queues, then
    /// hashes them all and writes the finished payload to <paramref name="destination"/>. Nothing reaches the
    /// destination if <paramref name="write"/> throws.
    /// </summary>
    public static void WriteTo<TState>(IBufferWriter<byte> destination, TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(destination);
        DeferredHashes batch = t_spare ?? new DeferredHashes();
        t_spare = null;
        DeferredHashes? outer = t_active;
        t_active = batch;
        try
        {
            Utf8JsonWriter writer = batch._writer ??= new Utf8JsonWriter(batch._scratch, JsonText.WriterOptions);
            writer.Reset(batch._scratch);
            write(writer, state);
            writer.Flush();
            batch.FillHashes();
            Copy(batch._scratch.Written, destination);
        }
        finally
        {
            t_active = outer;
            batch._writer?.Reset(batch._scratch);
            batch._scratch.Clear();
            batch._queue.Clear();
            t_spare = batch;
        }
    }

    /// <summary>The batch writing through <paramref name="writer"/> on this thread, if its hashes are deferred.</summary>
    public static DeferredHashes? For(Utf8JsonWriter writer) =>
        t_active is { } active && ReferenceEquals(active._writer, writer) ? active : null;

    /// <summary>
    /// Writes <paramref name="key"/> with a placeholder digest (or a one-item array of it) and queues the
    /// normalized value whose hash replaces it.
    /// </summary>
    public void WriteDeferred(Utf8JsonWriter writer, JsonEncodedText key, string normalized, bool many) =>
        WritePlaceholder(writer, key, many, _queue.Add(normalized));

    /// <summary>Room for a normalizer to write a value's UTF-8 bytes straight into the queue.</summary>
    public Span<byte> Reserve(int maxLength) => _queue.Reserve(maxLength);

    /// <summary>
    /// As <see cref="WriteDeferred(Utf8JsonWriter, JsonEncodedText, string, bool)"/> for the first <paramref name="length"/>
    /// bytes written into <see cref="Reserve"/>'s span.
    /// </summary>
    public void WriteDeferred(Utf8JsonWriter writer, JsonEncodedText key, int length, bool many) =>
        WritePlaceholder(writer, key, many, _queue.Commit(length));

    private void WritePlaceholder(Utf8JsonWriter writer, JsonEncodedText key, bool many, int index)
    {
        if (many)
        {
            writer.WritePropertyName(key);
            writer.WriteRawValue(PlaceholderArray, skipInputValidation: true);
            Locate(writer, index, after: 2);
        }
        else
        {
            writer.WriteString(key, Placeholder);
            Locate(writer, index, after: 1);
        }
    }

    private void Locate(Utf8JsonWriter writer, int index, int after)
    {
        // The writer has just written the placeholder and what follows its digits: the closing quote, and the
        // array's bracket.
        int offset = checked((int)(writer.BytesCommitted + writer.BytesPending)) - Sha256Hash.HexLength - after;
        if (index == _offsets.Length)
        {
            Array.Resize(ref _offsets, index * 2);
        }

        _offsets[index] = offset;
    }

    private void FillHashes()
    {
        if (_queue.Count == 0)
        {
            return;
        }

        _queue.HashAll();
        Span<byte> payload = _scratch.Written;
        for (int i = 0; i < _queue.Count; i++)
        {
            _queue[i].TryFormat(payload.Slice(_offsets[i], Sha256Hash.HexLength), out _);
        }
    }

    private static void Copy(ReadOnlySpan<byte> payload, IBufferWriter<byte> destination)
    {
        while (!payload.IsEmpty)
        {
            Span<byte> target = destination.GetSpan(payload.Length);
            int count = Math.Min(target.Length, payload.Length);
            payload[..count].CopyTo(target);
            destination.Advance(count);
            payload = payload[count..];
        }
    }
}
