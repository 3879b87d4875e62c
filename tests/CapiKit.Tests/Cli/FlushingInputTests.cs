using System.Text;
using CapiKit.Cli;

namespace CapiKit.Tests.Cli;

/// <summary>
/// Standard input that flushes buffered standard output before it waits: a file piped in is answered in large
/// writes, and a program that writes a line and waits for its answer gets it.
/// </summary>
public sealed class FlushingInputTests
{
    [Fact]
    public void Every_line_read_so_far_is_answered_before_the_input_is_read_again()
    {
        MemoryStream answers = new();
        using StreamWriter output = new(answers, new UTF8Encoding(false)) { AutoFlush = false };
        string[] chunks =
        [
            "{\"field\":\"em\",\"value\":\"a@example.com\"}\n",
            "{\"field\":\"fn\",\"value\":\"Valéry\"}\n{\"field\":\"ct\",\"value\":\"Paris\"}\n",
        ];
        List<int> linesAnsweredAtEachRead = [];
        ChunkedStream input = new(chunks.Select(Encoding.UTF8.GetBytes), () => linesAnsweredAtEachRead.Add(CountLines(answers)));
        using FlushingInput reader = new(input, Encoding.UTF8, output);

        int exit = CapiCli.Run(["hash", "--jsonl"], reader, output, TextWriter.Null);
        output.Flush();

        Assert.Equal(0, exit);
        Assert.Equal([0, 1, 3], linesAnsweredAtEachRead);
        Assert.Equal(3, CountLines(answers));
    }

    [Fact]
    public void Output_that_cannot_be_flushed_is_reported_as_output_not_input()
    {
        using StreamWriter output = new(new UnwritableStream(), new UTF8Encoding(false)) { AutoFlush = false };
        string[] chunks = ["{\"field\":\"em\",\"value\":\"a@example.com\"}\n", "{\"field\":\"fn\",\"value\":\"Ann\"}\n"];
        using FlushingInput reader = new(new ChunkedStream(chunks.Select(Encoding.UTF8.GetBytes), () => { }), Encoding.UTF8, output);
        using StringWriter error = new();

        int exit = CapiCli.Run(["hash", "--jsonl"], reader, output, error);

        Assert.Equal(74, exit);
        Assert.Contains("cannot write standard output", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("standard input", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_split_across_reads_are_decoded_whole()
    {
        byte[] text = Encoding.UTF8.GetBytes("정é😀\n");
        ChunkedStream input = new(text.Select(b => new[] { b }), () => { });
        using FlushingInput reader = new(input, Encoding.UTF8, TextWriter.Null);

        Assert.Equal("정é😀", reader.ReadLine());
        Assert.Equal(-1, reader.Peek());
        Assert.Null(reader.ReadLine());
    }

    private static int CountLines(MemoryStream stream) => stream.ToArray().Count(b => b == (byte)'\n');

    /// <summary>A stream every write to which fails, as a full disk does.</summary>
    private sealed class UnwritableStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
    }

    /// <summary>A stream that hands out one chunk per read, calling back before each read.</summary>
    private sealed class ChunkedStream(IEnumerable<byte[]> chunks, Action beforeRead) : Stream
    {
        private readonly Queue<byte[]> _chunks = new(chunks);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            beforeRead();
            if (!_chunks.TryDequeue(out byte[]? chunk))
            {
                return 0;
            }

            chunk.CopyTo(buffer);
            return chunk.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
