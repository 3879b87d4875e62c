using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Cli.Commands;

/// <summary>
/// The <c>--jsonl</c> mode of <c>capi hash</c>: one output line for every input line, in order, whatever the
/// line holds. A line that cannot be used gets its <c>error</c>; the run goes on.
/// </summary>
internal static class HashLines
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Readable output for non-Latin names ("정" rather than "\uC815"); still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(TextReader input, TextWriter output, TextWriter error, NormalizationOptions defaults)
    {
        ArrayBufferWriter<byte> buffer = new(256);
        StringBuilder pending = new(256);
        bool first = true;
        while (true)
        {
            string? line;
            try
            {
                line = ReadLine(input, pending);
            }
            catch (StandardOutputException e)
            {
                error.WriteLine($"capi hash: {e.Message}");
                return HashCommand.OutputUnwritable;
            }
            catch (IOException e)
            {
                error.WriteLine($"capi hash: cannot read standard input: {e.Message}");
                return HashCommand.InputUnreadable;
            }

            if (line is null)
            {
                return HashCommand.Success;
            }

            // A UTF-8 byte order mark that the reader did not strip belongs to the stream, not to the first record.
            if (first && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            first = false;

            buffer.ResetWrittenCount();
            WriteResult(HashLine(line, defaults), buffer);
            try
            {
                output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
            catch (IOException e)
            {
                error.WriteLine($"capi hash: {new StandardOutputException(e).Message}");
                return HashCommand.OutputUnwritable;
            }
        }
    }

    /// <summary>
    /// Reads up to the next "\n" (a "\r" before it is dropped). <see cref="TextReader.ReadLine"/> also ends a line
    /// at a lone "\r", which would split one record in two and shift every later output line off its input.
    /// </summary>
    private static string? ReadLine(TextReader input, StringBuilder pending)
    {
        pending.Clear();
        int c;
        while ((c = input.Read()) >= 0)
        {
            if (c == '\n')
            {
                break;
            }

            pending.Append((char)c);
        }

        if (c < 0 && pending.Length == 0)
        {
            return null;
        }

        if (pending.Length > 0 && pending[^1] == '\r')
        {
            pending.Length--;
        }

        return pending.ToString();
    }

    private static LineResult HashLine(string line, NormalizationOptions defaults)
    {
        LineRequest request;
        try
        {
            request = LineRequest.Parse(line);
        }
        catch (JsonException e)
        {
            // JsonException's own message quotes the offending character; the position alone is enough.
            return LineResult.Failed(null, null, $"the line is not valid JSON (byte {e.BytePositionInLine ?? 0})");
        }

        if (request.Problem is not null)
        {
            return LineResult.Failed(request.Field, request.Value, request.Problem);
        }

        NormalizationOptions options = request.Region is null ? defaults : defaults with { DefaultRegion = request.Region };
        NormalizationResult result = PiiNormalizer.Normalize(request.Field!, request.Value, options);
        return result.TryComputeHash(out Sha256Hash hash)
            ? new LineResult(request.Field, request.Value, result.Value, hash.ToString(), null)
            : LineResult.Failed(request.Field, request.Value, result.Error!.Message);
    }

    private static void WriteResult(LineResult result, IBufferWriter<byte> destination)
    {
        using Utf8JsonWriter writer = new(destination, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("field", result.Field);
        writer.WriteString("value", result.Value);
        writer.WriteString("normalized", result.Normalized);
        writer.WriteString("hash", result.Hash);
        writer.WriteString("error", result.Error);
        writer.WriteEndObject();
    }

    private sealed record LineResult(string? Field, string? Value, string? Normalized, string? Hash, string? Error)
    {
        public static LineResult Failed(string? field, string? value, string error) => new(field, value, null, null, error);
    }
}
