using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CapiKit.Json;

/// <summary>Turns a <c>WriteTo(Utf8JsonWriter)</c> into a string or into a caller's buffer.</summary>
internal static class JsonText
{
    /// <summary>
    /// Relaxed escaping keeps non-ASCII text readable ("정", not "\uC815"); the payload is never embedded in HTML.
    /// Meta parses both forms identically.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static string ToJson(Action<Utf8JsonWriter> write)
    {
        ArrayBufferWriter<byte> buffer = new(1024);
        using (Utf8JsonWriter writer = new(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes into <paramref name="destination"/> with a writer reused per thread, so the steady state allocates
    /// no writer per event.
    /// </summary>
    public static void WriteTo<TState>(IBufferWriter<byte> destination, TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(destination, WriterOptions);
        writer.Reset(destination);
        try
        {
            write(writer, state);
            writer.Flush();
        }
        finally
        {
            // Lets go of the caller's destination. Reset(Stream) would allocate a buffer writer on every call.
            writer.Reset(DetachedOutput.Instance);
        }
    }

    /// <summary>What a reused writer points at between payloads; it is never written to.</summary>
    private sealed class DetachedOutput : IBufferWriter<byte>
    {
        public static readonly DetachedOutput Instance = new();

        public void Advance(int count) => throw new InvalidOperationException("The writer is not writing a payload.");

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException("The writer is not writing a payload.");

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException("The writer is not writing a payload.");
    }
}
