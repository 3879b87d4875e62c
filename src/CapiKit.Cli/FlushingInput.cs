using System.Text;

namespace CapiKit.Cli;

/// <summary>
/// Standard input for the command line that flushes standard output whenever reading would wait for more input.
/// <see cref="Console.In"/> takes a lock on every character and <see cref="Console.Out"/> flushes every line, which
/// cost <c>capi hash --jsonl</c> more than normalizing and hashing; with buffered output flushed here, a file piped
/// in is answered in large writes, and a program that writes one line and waits for its answer still gets it.
/// </summary>
internal sealed class FlushingInput(Stream input, Encoding encoding, TextWriter output) : TextReader
{
    private readonly Decoder _decoder = encoding.GetDecoder();
    private readonly byte[] _bytes = new byte[64 * 1024];
    private char[] _chars = [];
    private int _position;
    private int _length;
    private bool _ended;

    public override int Peek() => Fill() ? _chars[_position] : -1;

    public override int Read() => Fill() ? _chars[_position++] : -1;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            input.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Whether a character is ready, reading (after flushing the output) when none is buffered.</summary>
    private bool Fill()
    {
        while (_position == _length)
        {
            if (_ended)
            {
                return false;
            }

            // The read may block until the other end writes: everything answered so far goes out first.
            try
            {
                output.Flush();
            }
            catch (IOException e)
            {
                throw new StandardOutputException(e);
            }

            int count = input.Read(_bytes);
            _ended = count == 0;
            int capacity = _decoder.GetCharCount(_bytes, 0, count, flush: _ended);
            if (_chars.Length < capacity)
            {
                _chars = new char[Math.Max(capacity, _bytes.Length)];
            }

            _length = _decoder.GetChars(_bytes, 0, count, _chars, 0, flush: _ended);
            _position = 0;
        }

        return true;
    }
}
